/**
 * How much room the data volume has left: free bytes from statfs (what a non-root writer may
 * use), judged against the low-space threshold. `assessStorage` is pure; `readStorageStatus` is
 * its shell. A full volume stops writes (507) while reads and inference go on.
 */
import { statfs } from 'node:fs/promises';
import type { StorageStatus } from './schemas';

export interface VolumeSpace {
  freeBytes: number;
  totalBytes: number;
}

/** `space` is undefined when statfs failed. */
export function assessStorage(space: VolumeSpace | undefined, lowSpaceThresholdBytes: number): StorageStatus {
  if (!space) return { ok: false, freeBytes: null, totalBytes: null, lowSpaceThresholdBytes, problem: 'the free space of the data volume cannot be read' };
  const base = { freeBytes: space.freeBytes, totalBytes: space.totalBytes, lowSpaceThresholdBytes };
  if (space.freeBytes === 0) return { ok: false, ...base, problem: 'the data volume is full' };
  if (space.freeBytes < lowSpaceThresholdBytes) {
    return { ok: false, ...base, problem: `the data volume is low on space: ${space.freeBytes} bytes free, below ${lowSpaceThresholdBytes}` };
  }
  return { ok: true, ...base };
}

export async function readStorageStatus(dataDir: string, lowSpaceThresholdBytes: number): Promise<StorageStatus> {
  let space: VolumeSpace | undefined;
  try {
    const s = await statfs(dataDir);
    space = { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    space = undefined;
  }
  return assessStorage(space, lowSpaceThresholdBytes);
}
