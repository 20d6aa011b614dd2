/**
 * Mergeable latency histograms (HdrHistogram, microseconds). Percentiles of a window come from
 * merging the window's per-second histograms, never from averaging per-second percentiles.
 */
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

export function newHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 2, bitBucketSize: 'packed' });
}

export function decodeHistogram(base64: string): Histogram | undefined {
  try {
    return hdr.decodeFromCompressedBase64(base64, 'packed');
  } catch {
    return undefined;
  }
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

/** Merges encoded histograms into a fresh one; undecodable inputs are skipped. */
export function mergeEncoded(encoded: Iterable<string>): Histogram {
  const out = newHistogram();
  for (const e of encoded) {
    const h = decodeHistogram(e);
    if (h) {
      out.add(h);
      h.destroy();
    }
  }
  return out;
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarize(h: Histogram): LatencySummary | undefined {
  if (h.totalCount === 0) return undefined;
  const ms = (us: number) => Math.round(us) / 1000;
  return {
    count: h.totalCount,
    p50Ms: ms(h.getValueAtPercentile(50)),
    p95Ms: ms(h.getValueAtPercentile(95)),
    p99Ms: ms(h.getValueAtPercentile(99)),
    maxMs: ms(h.maxValue),
  };
}
