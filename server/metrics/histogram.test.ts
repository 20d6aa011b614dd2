import { describe, expect, it } from 'vitest';
import { encodeHistogram, mergeEncoded, newHistogram, summarize } from './histogram';

/** Exact percentile by nearest rank, to check the histogram against. */
function exact(values: number[], pct: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1)]!;
}

function histogramOf(values: number[]): string {
  const h = newHistogram();
  for (const v of values) h.recordValue(v);
  return encodeHistogram(h);
}

describe('latency histograms', () => {
  // A deterministic skewed distribution: most requests fast, a slow tail.
  const values = Array.from({ length: 10_000 }, (_, i) => (i % 100 === 0 ? 50_000 + i : 1_000 + ((i * 7919) % 4_000)));

  it.each([50, 95, 99])('p%i of merged windows is within 1%% of the exact value', (pct) => {
    const parts = [values.slice(0, 2_500), values.slice(2_500, 6_000), values.slice(6_000)];
    const merged = mergeEncoded(parts.map(histogramOf));
    expect(merged.totalCount).toBe(values.length);
    const got = merged.getValueAtPercentile(pct);
    expect(Math.abs(got - exact(values, pct)) / exact(values, pct)).toBeLessThan(0.01);
  });

  it('merging differs from averaging percentiles when windows differ', () => {
    const fast = Array.from({ length: 990 }, () => 1_000);
    const slow = Array.from({ length: 10 }, () => 100_000);
    const merged = summarize(mergeEncoded([histogramOf(fast), histogramOf(slow)]))!;
    // The true p99 of all 1000 requests is the fast value; averaging p99s would give ~50 ms.
    expect(merged.p99Ms).toBeCloseTo(1, 1);
    expect(merged.maxMs).toBeCloseTo(100, 0);
  });

  it('skips undecodable inputs and summarizes nothing as undefined', () => {
    const merged = mergeEncoded(['not-a-histogram']);
    expect(merged.totalCount).toBe(0);
    expect(summarize(merged)).toBeUndefined();
  });
});
