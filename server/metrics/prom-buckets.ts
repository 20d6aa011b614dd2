/**
 * Latency bucket counts to Prometheus histogram buckets. Values are microseconds; `le` bounds are
 * seconds. HDR keeps 2 significant digits, so a value within 1 % of a bound may land on either
 * side of it, and the sum is within 1 %: fine for dashboards; counts stay exact.
 */
import type { SparseLatency } from './latency-counts';

/** Upper bounds in seconds (the +Inf bucket is implied). */
export const LATENCY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export interface BucketCounts {
  /** Non-cumulative counts per bound, then one more for values above the last bound. */
  counts: number[];
  sumSeconds: number;
  count: number;
}

export function emptyBuckets(bounds: readonly number[] = LATENCY_BUCKETS_SECONDS): BucketCounts {
  return { counts: new Array<number>(bounds.length + 1).fill(0), sumSeconds: 0, count: 0 };
}

/** Adds (value µs, count) pairs into `into` (counts per bucket, sum, count). */
export function addLatency(into: BucketCounts, latency: SparseLatency, bounds: readonly number[] = LATENCY_BUCKETS_SECONDS): void {
  for (let p = 0; p < latency.length; p += 2) {
    const seconds = latency[p]! / 1e6;
    const n = latency[p + 1]!;
    let i = bounds.findIndex((b) => seconds <= b);
    if (i < 0) i = bounds.length;
    into.counts[i]! += n;
    into.sumSeconds += seconds * n;
    into.count += n;
  }
}

/** `[le, cumulative count]` pairs ending with `+Inf` = total count, as the exposition format wants. */
export function cumulative(b: BucketCounts, bounds: readonly number[] = LATENCY_BUCKETS_SECONDS): [string, number][] {
  const out: [string, number][] = [];
  let running = 0;
  bounds.forEach((le, i) => {
    running += b.counts[i]!;
    out.push([String(le), running]);
  });
  out.push(['+Inf', running + b.counts[bounds.length]!]);
  return out;
}
