/**
 * A cell is what one version did in one time bucket, at any resolution: live seconds, 10 s and
 * 1 min rollups all reduce to cells, so folding, charting and rollups share one shape. Latency
 * is a mergeable bucket count (merge, never average percentiles).
 */
import { addSparse, type LatencyCounts } from './latency-counts';
import type { RuntimeSecond, TrafficSecond } from './live-store';

export interface Cell {
  version: number;
  /** Bucket start, epoch ms. */
  atMs: number;
  requests: number;
  /** Status ≥ 500. */
  errors: number;
  /** Status 400–499. */
  clientErrors: number;
  /** Of `requests`, those the gateway answered itself (no ready replica, body refused): not in `latency`. */
  rejected: number;
  latency: LatencyCounts;
  cacheHits: number;
  cacheMisses: number;
  batches: number;
  batchedItems: number;
  /** Queue depth summed over replicas, summed over sampled seconds; mean = sum / samples. */
  queueDepthSum: number;
  queueDepthSamples: number;
}

export function emptyCell(version: number, atMs: number): Cell {
  return {
    version,
    atMs,
    requests: 0,
    errors: 0,
    clientErrors: 0,
    rejected: 0,
    latency: new Map(),
    cacheHits: 0,
    cacheMisses: 0,
    batches: 0,
    batchedItems: 0,
    queueDepthSum: 0,
    queueDepthSamples: 0,
  };
}

/** Adds `b`'s counts and latency into `a`. */
export function addInto(a: Cell, b: Cell): void {
  a.requests += b.requests;
  a.errors += b.errors;
  a.clientErrors += b.clientErrors;
  a.rejected += b.rejected;
  for (const [v, n] of b.latency) a.latency.set(v, (a.latency.get(v) ?? 0) + n);
  a.cacheHits += b.cacheHits;
  a.cacheMisses += b.cacheMisses;
  a.batches += b.batches;
  a.batchedItems += b.batchedItems;
  a.queueDepthSum += b.queueDepthSum;
  a.queueDepthSamples += b.queueDepthSamples;
}

/** Start of the bucket holding an interval that ended at `endMs` (an interval ending exactly on a boundary belongs before it). */
export function bucketOfEnd(endMs: number, bucketMs: number): number {
  return Math.floor((endMs - 1) / bucketMs) * bucketMs;
}

export function splitStatuses(errors: Record<string, number>): { errors: number; clientErrors: number } {
  let server = 0;
  let client = 0;
  for (const [status, n] of Object.entries(errors)) {
    const code = Number(status);
    if (code >= 500) server += n;
    else if (code >= 400) client += n;
  }
  return { errors: server, clientErrors: client };
}

/**
 * Live seconds to cells of `bucketMs`, keyed by version. Runtime seconds add cache, batch and
 * queue figures; queue depth counts one sample per version and runtime second bucket.
 */
export function cellsFromLive(traffic: readonly TrafficSecond[], runtime: readonly RuntimeSecond[], bucketMs: number): Cell[] {
  const cells = new Map<string, Cell>();
  const cell = (version: number, atMs: number): Cell => {
    const key = `${version}:${atMs}`;
    let c = cells.get(key);
    if (!c) {
      c = emptyCell(version, atMs);
      cells.set(key, c);
    }
    return c;
  };
  for (const t of traffic) {
    const c = cell(t.version, bucketOfEnd(t.atMs, bucketMs));
    const split = splitStatuses(t.errors);
    c.requests += t.requests;
    c.errors += split.errors;
    c.clientErrors += split.clientErrors;
    c.rejected += t.rejected;
    addSparse(c.latency, t.latency);
  }
  // Queue depth: sum replicas within a second, then one sample per second.
  const depthBySecond = new Map<string, { version: number; atMs: number; depth: number }>();
  for (const r of runtime) {
    const c = cell(r.version, bucketOfEnd(r.stats.atMs, bucketMs));
    c.cacheHits += r.stats.cache.hits;
    c.cacheMisses += r.stats.cache.misses;
    c.batches += r.stats.executions;
    c.batchedItems += r.stats.inferences;
    const second = bucketOfEnd(r.stats.atMs, 1000);
    const key = `${r.version}:${second}`;
    const d = depthBySecond.get(key) ?? { version: r.version, atMs: r.stats.atMs, depth: 0 };
    d.depth += r.stats.queueDepth;
    depthBySecond.set(key, d);
  }
  for (const d of depthBySecond.values()) {
    const c = cell(d.version, bucketOfEnd(d.atMs, bucketMs));
    c.queueDepthSum += d.depth;
    c.queueDepthSamples += 1;
  }
  return [...cells.values()];
}

/**
 * Folds cells into coarser buckets aligned at `originMs` (chart steps start at `from`). Takes
 * ownership of the input: the first cell of a bucket becomes its accumulator (no copying).
 */
export function foldCells(cells: readonly Cell[], bucketMs: number, originMs = 0): Cell[] {
  const out = new Map<string, Cell>();
  for (const c of cells) {
    const atMs = originMs + Math.floor((c.atMs - originMs) / bucketMs) * bucketMs;
    const key = `${c.version}:${atMs}`;
    const o = out.get(key);
    if (o) addInto(o, c);
    else {
      c.atMs = atMs;
      out.set(key, c);
    }
  }
  return [...out.values()].sort((a, b) => a.version - b.version || a.atMs - b.atMs);
}
