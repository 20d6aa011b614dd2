import { describe, expect, it } from 'vitest';
import { naiveTable, naiveVerdicts, type NaiveComparison } from './naive-targets';
import type { LoadPoint } from './types';

const pt = (concurrency: number, throughputPerSec: number, p50Ms: number): LoadPoint => ({ concurrency, throughputPerSec, p50Ms, p90Ms: p50Ms, p99Ms: p50Ms, meanMs: p50Ms, calls: 100, errors: 0, windows: 1, verdict: 'stable' });

// The issue's own figures (2-core machine, before this work): every throughput target missed.
const BEFORE: NaiveComparison = {
  inprocessBestPerSec: 3380,
  naive: [pt(1, 1600, 0.62), pt(64, 1480, 40)],
  gateway: [pt(1, 1000, 0.99), pt(64, 1591, 38)],
  gatewayNode: [pt(64, 1591, 38)],
  direct: [pt(1, 1300, 0.7), pt(64, 1700, 35)],
  idleRssMb: 150,
};

describe('naiveVerdicts', () => {
  it('judges the issue\'s before-figures as misses, with the ratio in each line', () => {
    expect(naiveVerdicts(BEFORE)).toEqual([
      'MISS default config through the gateway, c=64: 1591.0/s = 0.47 × the in-process best 3380.0/s (target ≥ 0.80)',
      "MISS default config through the gateway, c=64: 1.07 × the naive server's 1480.0/s (target ≥ 1.5)",
      'MISS c=1 p50 through the gateway 0.99 ms vs naive 0.62 ms (+0.37 ms; target ≤ +0.3 ms)',
      'PASS c=1 p50 straight to the runtime 0.70 ms vs naive 0.62 ms (+0.08 ms; target ≤ +0.15 ms)',
      'MISS gateway at c=64 1591.0/s = 94 % of straight-to-runtime 1700.0/s (same load generator; target ≥ 95 %)',
      'PASS idle runtime RSS 150.0 MB (target ≤ 200 MB)',
    ]);
  });

  it('passes at the targets exactly, and leaves out what was not measured', () => {
    const lines = naiveVerdicts({ ...BEFORE, inprocessBestPerSec: undefined, gateway: [pt(1, 1000, 0.92), pt(64, 2220, 30)], gatewayNode: [], idleRssMb: null });
    expect(lines).toEqual([
      "PASS default config through the gateway, c=64: 1.50 × the naive server's 1480.0/s (target ≥ 1.5)",
      'PASS c=1 p50 through the gateway 0.92 ms vs naive 0.62 ms (+0.30 ms; target ≤ +0.3 ms)',
      'PASS c=1 p50 straight to the runtime 0.70 ms vs naive 0.62 ms (+0.08 ms; target ≤ +0.15 ms)',
    ]);
  });
});

describe('naiveTable', () => {
  it('gives each row its ratios to the naive server and the in-process best', () => {
    const table = naiveTable([{ label: 'naive', points: BEFORE.naive }, { label: 'gateway', points: BEFORE.gateway }], BEFORE.naive, 3380);
    expect(table.split('\n').slice(2)).toEqual(['| naive | 1480.0/s | 0.62 ms | 1.00 | 0.44 |', '| gateway | 1591.0/s | 0.99 ms | 1.07 | 0.47 |']);
  });
});
