/**
 * `preferredBatchSizes: auto`: which batch size the batcher should aim for. Bigger batches are not
 * always cheaper per item: on a CPU a batch whose activations outgrow the caches costs more per
 * item than a small one (the demo model on one thread: ~1.0 ms per item at batch 4, ~1.6 ms at 32).
 * Pure; `batch-calibration.ts` gathers the points from the batches the runtime really runs.
 */

export interface ProfilePoint {
  batchSize: number;
  /** Compute time per item of a batch this size (the median of its recent runs under load). */
  perItemMs: number;
}

/** Sizes within this fraction of the cheapest per-item cost count as equally cheap. */
export const PROFILE_TOLERANCE = 0.05;

/** Sizes to profile: powers of two up to `maxBatchSize`, and `maxBatchSize` itself. */
export function profileSizes(maxBatchSize: number): number[] {
  if (maxBatchSize <= 1) return [];
  const sizes: number[] = [];
  for (let s = 1; s < maxBatchSize; s *= 2) sizes.push(s);
  sizes.push(maxBatchSize);
  return sizes;
}

/**
 * The largest size whose per-item cost is within the tolerance of the cheapest: among equals a
 * larger batch spreads the per-batch overhead (the worker hop, splitting) over more items.
 * Undefined without points.
 */
export function chooseBatchSize(points: readonly ProfilePoint[], tolerance = PROFILE_TOLERANCE): number | undefined {
  const valid = points.filter((p) => p.perItemMs > 0 && p.batchSize > 0);
  if (!valid.length) return undefined;
  const cheapest = Math.min(...valid.map((p) => p.perItemMs));
  return Math.max(...valid.filter((p) => p.perItemMs <= cheapest * (1 + tolerance)).map((p) => p.batchSize));
}
