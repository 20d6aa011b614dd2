/**
 * Latency histograms in a sparse form the charts can merge cheaply: (value µs, count) pairs, where
 * each value is the top of an HDR bucket (2 significant digits). hdr-histogram-js spends ~1 ms per
 * decode, add or percentile (it walks every bucket up to an hour); a chart merges thousands, so
 * each gateway histogram is decoded once on arrival and everything downstream works on pairs.
 * Percentiles follow HdrHistogram's rule, so results match `summarize(mergeEncoded(...))`.
 */
import * as hdr from 'hdr-histogram-js';
import type { LatencySummary } from './histogram';

/** Flat pairs [v0, c0, v1, c1, …], values ascending. */
export type SparseLatency = Float64Array;

/** Mutable accumulator: value µs → count. */
export type LatencyCounts = Map<number, number>;

interface IndexedHistogram {
  countsArrayLength: number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
  highestEquivalentValue(value: number): number;
  destroy(): void;
}

export const EMPTY_LATENCY: SparseLatency = new Float64Array(0);

/** Decodes a gateway histogram (compressed base64) once; undecodable input is empty. */
export function sparseFromEncoded(base64: string): SparseLatency {
  let h: IndexedHistogram;
  try {
    h = hdr.decodeFromCompressedBase64(base64, 32) as unknown as IndexedHistogram;
  } catch {
    return EMPTY_LATENCY;
  }
  const pairs: number[] = [];
  for (let i = 0; i < h.countsArrayLength; i++) {
    const c = h.getCountAtIndex(i);
    if (c > 0) pairs.push(h.highestEquivalentValue(h.valueFromIndex(i)), c);
  }
  h.destroy();
  return Float64Array.from(pairs);
}

export function addSparse(into: LatencyCounts, s: SparseLatency): void {
  for (let i = 0; i < s.length; i += 2) into.set(s[i]!, (into.get(s[i]!) ?? 0) + s[i + 1]!);
}

export function toSparse(counts: LatencyCounts): SparseLatency {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const out = new Float64Array(keys.length * 2);
  keys.forEach((k, i) => {
    out[2 * i] = k;
    out[2 * i + 1] = counts.get(k)!;
  });
  return out;
}

/** p50/p95/p99/max in milliseconds, HdrHistogram's nearest rank: the first bucket reaching round(p·n). */
export function summarizeCounts(counts: LatencyCounts): LatencySummary | undefined {
  const s = toSparse(counts);
  let total = 0;
  for (let i = 1; i < s.length; i += 2) total += s[i]!;
  if (total === 0) return undefined;
  const at = (pct: number): number => {
    const rank = Math.max(1, Math.floor((pct / 100) * total + 0.5));
    let seen = 0;
    for (let i = 0; i < s.length; i += 2) {
      seen += s[i + 1]!;
      if (seen >= rank) return s[i]!;
    }
    return s[s.length - 2]!;
  };
  const ms = (us: number) => Math.round(us) / 1000;
  return { count: total, p50Ms: ms(at(50)), p95Ms: ms(at(95)), p99Ms: ms(at(99)), maxMs: ms(s[s.length - 2]!) };
}

/** Storage form for rollup rows: JSON pairs `[[v, c], …]`. */
export function countsToJson(counts: LatencyCounts): string | null {
  if (counts.size === 0) return null;
  const s = toSparse(counts);
  const pairs: [number, number][] = [];
  for (let i = 0; i < s.length; i += 2) pairs.push([s[i]!, s[i + 1]!]);
  return JSON.stringify(pairs);
}

export function sparseFromJson(text: string | null): SparseLatency {
  if (!text) return EMPTY_LATENCY;
  try {
    const pairs = JSON.parse(text) as unknown;
    if (!Array.isArray(pairs)) return EMPTY_LATENCY;
    const out = new Float64Array(pairs.length * 2);
    pairs.forEach((p, i) => {
      out[2 * i] = Number((p as number[])[0]);
      out[2 * i + 1] = Number((p as number[])[1]);
    });
    return out;
  } catch {
    return EMPTY_LATENCY;
  }
}
