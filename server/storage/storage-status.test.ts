import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageStatus } from './schemas';
import { assessStorage, readStorageStatus } from './storage-status';

const MiB = 1024 ** 2;

describe('assessStorage', () => {
  it.each([
    ['plenty of room', { freeBytes: 10_000 * MiB, totalBytes: 20_000 * MiB }, 256 * MiB, { ok: true }],
    ['exactly at the threshold', { freeBytes: 256 * MiB, totalBytes: 1024 * MiB }, 256 * MiB, { ok: true }],
    ['below the threshold', { freeBytes: 100, totalBytes: 1024 * MiB }, 256 * MiB, { ok: false, problem: `the data volume is low on space: 100 bytes free, below ${256 * MiB}` }],
    ['full', { freeBytes: 0, totalBytes: 1024 * MiB }, 256 * MiB, { ok: false, freeBytes: 0, problem: 'the data volume is full' }],
    ['full with no threshold', { freeBytes: 0, totalBytes: 1024 * MiB }, 0, { ok: false, problem: 'the data volume is full' }],
    ['unreadable', undefined, 256 * MiB, { ok: false, freeBytes: null, totalBytes: null, problem: 'the free space of the data volume cannot be read' }],
  ])('%s', (_name, space, threshold, expected) => {
    const status = assessStorage(space, threshold);
    expect(status).toMatchObject({ lowSpaceThresholdBytes: threshold, ...expected });
    expect(status.ok).toBe(status.problem === undefined);
    expect(StorageStatus.parse(status)).toEqual(status);
  });
});

describe('readStorageStatus', () => {
  it('reads the free and total bytes of a real folder, and reports one that is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-statfs-'));
    try {
      const status = await readStorageStatus(dir, 0);
      expect(status.ok).toBe(true);
      expect(status.freeBytes).toBeGreaterThan(0);
      expect(status.totalBytes).toBeGreaterThanOrEqual(status.freeBytes ?? Infinity);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await readStorageStatus(dir, 0)).toMatchObject({ ok: false, freeBytes: null });
  });
});
