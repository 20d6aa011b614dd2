/**
 * perf_analyzer's measurement discipline as a pure decision: after each measurement window, is the
 * point stable (the last `lastN` windows within ±tolerance of their mean, for throughput and p50),
 * worth another window, or out of windows?
 */
export interface WindowSample {
  throughputPerSec: number;
  p50Ms: number;
}

export interface StabilityPolicy {
  /** Allowed relative deviation from the mean, e.g. 0.1 for ±10 %. */
  tolerance: number;
  /** How many trailing windows must agree. */
  lastN: number;
  /** Hard bound on windows per point; the point is reported unstable after it. */
  maxWindows: number;
}

export const DEFAULT_STABILITY: StabilityPolicy = { tolerance: 0.1, lastN: 3, maxWindows: 5 };

export type WindowVerdict = 'stable' | 'continue' | 'exhausted';

function withinTolerance(values: number[], tolerance: number): boolean {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (mean === 0) return values.every((v) => v === 0);
  return values.every((v) => Math.abs(v - mean) <= tolerance * mean);
}

export function judgeWindows(samples: WindowSample[], policy: StabilityPolicy = DEFAULT_STABILITY): WindowVerdict {
  if (samples.length >= policy.lastN) {
    const recent = samples.slice(-policy.lastN);
    const throughputOk = withinTolerance(recent.map((s) => s.throughputPerSec), policy.tolerance);
    const latencyOk = withinTolerance(recent.map((s) => s.p50Ms), policy.tolerance);
    if (throughputOk && latencyOk) return 'stable';
  }
  return samples.length >= policy.maxWindows ? 'exhausted' : 'continue';
}
