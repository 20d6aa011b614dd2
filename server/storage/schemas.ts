/** Wire schema of the data volume's state, as `GET /api/v1/health` reports it. */
import { z } from 'zod';

export const StorageStatus = z.object({
  /** False when the volume is below the low-space threshold, full, or cannot be read. */
  ok: z.boolean(),
  /** What a writer may still use (statfs `bavail`); null when it cannot be read. */
  freeBytes: z.number().int().nonnegative().nullable(),
  totalBytes: z.number().int().nonnegative().nullable(),
  lowSpaceThresholdBytes: z.number().int().nonnegative(),
  /** In plain words, only when not ok. */
  problem: z.string().optional(),
});
export type StorageStatus = z.infer<typeof StorageStatus>;
