/**
 * Puts cells measured over `spanMs` (1 s live, 10 s or 1 min rollups) onto chart steps of
 * `stepMs`. A step that is a multiple of the span just folds cells (`toSeries` does). A finer
 * step must not draw a 10 s row as one second (ten times the rate, then zeros): the row is
 * shared evenly over the steps it spans, so each step shows the row's rate and the row's ratios
 * and percentiles. Pure; shares may be fractional (`toSeries` shows whole counts).
 */
import { emptyCell, type Cell } from './cells';

/**
 * The step rounded up until every span either divides it or is a multiple of it, so no step
 * holds part of a row (a 3 s step over 10 s rows becomes 10 s). Spans ascending.
 */
export function fitStepMs(stepMs: number, spansMs: readonly number[]): number {
  let step = stepMs;
  for (const span of [...spansMs].sort((a, b) => a - b)) {
    if (step % span !== 0 && span % step !== 0) step = Math.ceil(step / span) * span;
  }
  return step;
}

/** Cells of `spanMs` as cells of `stepMs`. Precondition: `fitStepMs` holds (one divides the other). */
export function spreadCells(cells: readonly Cell[], spanMs: number, stepMs: number): Cell[] {
  if (spanMs <= stepMs) return [...cells];
  if (spanMs % stepMs !== 0) throw new Error(`a ${stepMs} ms step does not divide a ${spanMs} ms row`);
  const k = spanMs / stepMs;
  return cells.flatMap((c) =>
    Array.from({ length: k }, (_, i) => {
      const part = emptyCell(c.version, c.atMs + i * stepMs);
      part.requests = c.requests / k;
      part.errors = c.errors / k;
      part.clientErrors = c.clientErrors / k;
      part.rejected = c.rejected / k;
      part.cacheHits = c.cacheHits / k;
      part.cacheMisses = c.cacheMisses / k;
      part.batches = c.batches / k;
      part.batchedItems = c.batchedItems / k;
      part.queueDepthSum = c.queueDepthSum / k;
      part.queueDepthSamples = c.queueDepthSamples / k;
      // Percentiles do not scale: each step of the row has the row's distribution (a copy, since folding mutates).
      part.latency = new Map(c.latency);
      return part;
    }),
  );
}
