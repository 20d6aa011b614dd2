import { describe, expect, it } from 'vitest';
import { encodeHistogram, mergeEncoded, newHistogram, summarize } from './histogram';
import { addSparse, countsToJson, sparseFromEncoded, sparseFromJson, summarizeCounts, type LatencyCounts } from './latency-counts';

/** A gateway-style histogram of microsecond values, encoded as the gateway sends it. */
function encoded(values: number[]): string {
  const h = newHistogram();
  for (const v of values) h.recordValue(v);
  const e = encodeHistogram(h);
  h.destroy();
  return e;
}

describe('sparse latency counts', () => {
  // Deterministic windows with different shapes: fast, slow tail, wide spread.
  const windows = [
    Array.from({ length: 500 }, (_, i) => 800 + ((i * 37) % 400)),
    Array.from({ length: 50 }, (_, i) => 40_000 + i * 1_000),
    Array.from({ length: 300 }, (_, i) => 1 + ((i * 7919) % 250_000)),
  ].map(encoded);

  it('summarizes exactly as merging the HDR histograms does', () => {
    const counts: LatencyCounts = new Map();
    for (const w of windows) addSparse(counts, sparseFromEncoded(w));
    const merged = mergeEncoded(windows);
    expect(summarizeCounts(counts)).toEqual(summarize(merged));
    merged.destroy();
  });

  it('survives the rollup storage form unchanged', () => {
    const counts: LatencyCounts = new Map();
    for (const w of windows) addSparse(counts, sparseFromEncoded(w));
    const back: LatencyCounts = new Map();
    addSparse(back, sparseFromJson(countsToJson(counts)));
    expect(back).toEqual(counts);
  });

  it.each([
    ['an undecodable histogram', () => sparseFromEncoded('not-a-histogram')],
    ['no stored histogram', () => sparseFromJson(null)],
    ['a malformed stored histogram', () => sparseFromJson('{oops')],
  ])('treats %s as no latency', (_, read) => {
    const counts: LatencyCounts = new Map();
    addSparse(counts, read());
    expect(summarizeCounts(counts)).toBeUndefined();
    expect(countsToJson(counts)).toBeNull();
  });
});
