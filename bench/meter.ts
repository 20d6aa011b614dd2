/**
 * Measurement windows over a load that runs continuously: the load records each completed call,
 * the driver cuts windows, judges stability (perf_analyzer style) and reports the stable windows.
 * Latencies are recorded in microseconds in HDR histograms.
 */
import * as hdr from 'hdr-histogram-js';
import { DEFAULT_STABILITY, judgeWindows, type StabilityPolicy, type WindowVerdict } from './stability';
import type { PointSummary } from './types';

export interface WindowRecord {
  histogram: hdr.Histogram;
  items: number;
  errors: number;
  durationMs: number;
}

const newHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

export class WindowMeter {
  private histogram = newHistogram();
  private items = 0;
  private errors = 0;
  private startedAtMs = performance.now();

  record(latencyUs: number, items = 1): void {
    this.histogram.recordValue(Math.max(1, Math.round(latencyUs)));
    this.items += items;
  }

  error(): void {
    this.errors += 1;
  }

  /** Ends the current window and starts the next one. */
  cut(): WindowRecord {
    const now = performance.now();
    const window = { histogram: this.histogram, items: this.items, errors: this.errors, durationMs: now - this.startedAtMs };
    this.histogram = newHistogram();
    this.items = 0;
    this.errors = 0;
    this.startedAtMs = now;
    return window;
  }
}

const ms = (us: number) => Math.round(us) / 1000;

export function summarize(windows: WindowRecord[], verdict: WindowVerdict, totalWindows: number): PointSummary {
  const merged = newHistogram();
  let items = 0;
  let errors = 0;
  let durationMs = 0;
  for (const w of windows) {
    merged.add(w.histogram);
    items += w.items;
    errors += w.errors;
    durationMs += w.durationMs;
  }
  return {
    throughputPerSec: durationMs > 0 ? (items * 1000) / durationMs : 0,
    p50Ms: ms(merged.getValueAtPercentile(50)),
    p90Ms: ms(merged.getValueAtPercentile(90)),
    p99Ms: ms(merged.getValueAtPercentile(99)),
    meanMs: ms(merged.mean),
    calls: merged.totalCount,
    errors,
    windows: totalWindows,
    verdict,
  };
}

const sleep = (durationMs: number) => new Promise((resolve) => setTimeout(resolve, durationMs));

export interface MeasureOptions {
  warmupMs: number;
  windowMs: number;
  policy?: StabilityPolicy;
}

/** Call while the load is already running against `meter`; resolves with the stable windows' summary. */
export async function measureUntilStable(meter: WindowMeter, options: MeasureOptions): Promise<PointSummary> {
  const policy = options.policy ?? DEFAULT_STABILITY;
  await sleep(options.warmupMs);
  meter.cut();
  const windows: WindowRecord[] = [];
  for (;;) {
    await sleep(options.windowMs);
    windows.push(meter.cut());
    const samples = windows.map((w) => {
      const s = summarize([w], 'continue', 1);
      return { throughputPerSec: s.throughputPerSec, p50Ms: s.p50Ms };
    });
    const verdict = judgeWindows(samples, policy);
    if (verdict !== 'continue') return summarize(windows.slice(-policy.lastN), verdict, windows.length);
  }
}
