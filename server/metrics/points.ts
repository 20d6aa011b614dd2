/** Cells to chart points: one aligned series per version, every step present (quiet steps are zeros). */
import { emptyCell, foldCells, type Cell } from './cells';
import { summarizeCounts } from './latency-counts';
import type { MetricsPoint, VersionSeries } from './schemas';

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function cellToPoint(c: Cell, stepSeconds: number): MetricsPoint {
  const latency = summarizeCounts(c.latency);
  const lookups = c.cacheHits + c.cacheMisses;
  return {
    t: c.atMs,
    requests: c.requests,
    errors: c.errors,
    clientErrors: c.clientErrors,
    rejected: c.rejected,
    rps: round(c.requests / stepSeconds),
    errorRatePct: c.requests > 0 ? round((100 * c.errors) / c.requests) : null,
    p50Ms: latency?.p50Ms ?? null,
    p95Ms: latency?.p95Ms ?? null,
    p99Ms: latency?.p99Ms ?? null,
    maxMs: latency?.maxMs ?? null,
    queueDepth: c.queueDepthSamples > 0 ? round(c.queueDepthSum / c.queueDepthSamples) : null,
    meanBatchSize: c.batches > 0 ? round(c.batchedItems / c.batches) : null,
    cacheHitRatio: lookups > 0 ? round(c.cacheHits / lookups, 4) : null,
    cacheHits: c.cacheHits,
    cacheMisses: c.cacheMisses,
  };
}

/**
 * A running rounder: cells spread from a coarser row hold fractional counts; rounding the running
 * total (not each step) shows whole numbers that add up to the rows exactly.
 */
function wholeCounts(): (x: number) => number {
  let exact = 0;
  let shown = 0;
  return (x) => {
    exact += x;
    const next = Math.round(exact);
    const out = next - shown;
    shown = next;
    return out;
  };
}

/** `count` steps of `stepMs` from `fromMs`; cells outside are dropped. Versions ascend. */
export function toSeries(cells: readonly Cell[], fromMs: number, stepMs: number, count: number): VersionSeries[] {
  const endMs = fromMs + count * stepMs;
  const folded = foldCells(
    cells.filter((c) => c.atMs >= fromMs && c.atMs < endMs),
    stepMs,
    fromMs,
  );
  const byVersion = new Map<number, Map<number, Cell>>();
  for (const c of folded) {
    let m = byVersion.get(c.version);
    if (!m) byVersion.set(c.version, (m = new Map()));
    m.set(c.atMs, c);
  }
  return [...byVersion.keys()]
    .sort((a, b) => a - b)
    .map((version) => {
      const m = byVersion.get(version)!;
      const points: MetricsPoint[] = [];
      const [requests, errors, clientErrors, rejected, cacheHits, cacheMisses] = Array.from({ length: 6 }, wholeCounts);
      for (let i = 0; i < count; i++) {
        const t = fromMs + i * stepMs;
        const c = m.get(t) ?? emptyCell(version, t);
        // Rates and ratios come from the exact shares; only the counts shown are whole.
        points.push({
          ...cellToPoint(c, stepMs / 1000),
          requests: requests!(c.requests),
          errors: errors!(c.errors),
          clientErrors: clientErrors!(c.clientErrors),
          rejected: rejected!(c.rejected),
          cacheHits: cacheHits!(c.cacheHits),
          cacheMisses: cacheMisses!(c.cacheMisses),
        });
      }
      return { version, points };
    });
}
