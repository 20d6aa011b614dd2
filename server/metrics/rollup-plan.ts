/**
 * When rollups run and what they may keep: pure arithmetic on epoch milliseconds, so the job's
 * timing is table-tested with a fake clock. 10 s rows fold closed live seconds; 1 min rows fold
 * closed 10 s rows; each resolution has its own retention.
 */
export const ROLLUP_10S_MS = 10_000;
export const ROLLUP_1M_MS = 60_000;

export const RETENTION_MS = {
  [ROLLUP_10S_MS]: 24 * 3_600_000,
  [ROLLUP_1M_MS]: 30 * 24 * 3_600_000,
} as const;

/** Live seconds arrive up to a second late (gateway and runtime flush timers): wait this long past a bucket's end. */
export const ROLLUP_GRACE_MS = 2_000;

export interface RollupWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The closed buckets of `resMs` not yet written: from where the last run stopped (or the oldest
 * data worth folding) to the last boundary at or before `availableUntilMs`. Null when none closed.
 */
export function nextRollupWindow(doneUntilMs: number | null, availableUntilMs: number, oldestMs: number, resMs: number): RollupWindow | null {
  const floorOldest = Math.floor(oldestMs / resMs) * resMs;
  const fromMs = Math.max(doneUntilMs ?? floorOldest, floorOldest);
  const toMs = Math.floor(availableUntilMs / resMs) * resMs;
  return fromMs < toMs ? { fromMs, toMs } : null;
}

/** Rows with a bucket start before these are deleted. */
export function retentionCutoffs(nowMs: number): { before10sMs: number; before1mMs: number } {
  return { before10sMs: nowMs - RETENTION_MS[ROLLUP_10S_MS], before1mMs: nowMs - RETENTION_MS[ROLLUP_1M_MS] };
}
