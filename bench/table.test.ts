import { describe, expect, it } from 'vitest';
import { bestInprocess, computeRatios, evaluateGoals, formatReport, formatServedTable } from './table';
import type { BenchResult, InprocessBatch, LoadPoint, TargetRun } from './types';

const summary = { p90Ms: 0, p99Ms: 0, meanMs: 0, calls: 100, errors: 0, windows: 3, verdict: 'stable' as const };
const batch = (batchSize: number, throughputPerSec: number, p50Ms: number): InprocessBatch => ({ ...summary, batchSize, throughputPerSec, p50Ms });
const point = (concurrency: number, throughputPerSec: number, p50Ms: number): LoadPoint => ({ ...summary, concurrency, throughputPerSec, p50Ms });
const target = (id: string, points: LoadPoint[], idleRssMb: number | null = null): TargetRun => ({ id, label: id, args: [], mode: 'varied', idleRssMb, points });

function result(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    startedAt: '2026-01-01T00:00:00Z',
    machine: { cpus: 2, cpuModel: 'test cpu', node: 'v20', totalMemMb: 4096 },
    loadAverage: { start: 0.5, end: 1.25 },
    inprocess: { intraOpThreads: 2, batches: [batch(1, 1000, 1.0), batch(8, 3000, 2.7), batch(64, 1500, 40)] },
    targets: [
      target('batching-off', [point(1, 500, 1.8), point(64, 1000, 60)]),
      target('batched', [point(1, 480, 1.9), point(64, 2500, 25)], 150),
      target('cache-hit', [point(1, 4000, 0.3)]),
      target('direct-socket', [point(1, 600, 1.5), point(64, 2600, 24)]),
      target('gateway', [point(1, 560, 1.8), point(64, 2400, 26)]),
    ],
    ...overrides,
  };
}

describe('bestInprocess', () => {
  it('picks the batch size with the highest items/s', () => {
    expect(bestInprocess(result().inprocess)?.batchSize).toBe(8);
  });
  it('is null without an in-process run', () => {
    expect(bestInprocess(null)).toBeNull();
  });
});

describe('computeRatios', () => {
  it('divides batched throughput by batching-off and by the in-process best, per concurrency', () => {
    expect(computeRatios(result())).toEqual([
      { concurrency: 1, batchedOverUnbatched: 0.96, batchedOverInprocess: 0.16 },
      { concurrency: 64, batchedOverUnbatched: 2.5, batchedOverInprocess: 2500 / 3000 },
    ]);
  });
  it('leaves a ratio empty when its denominator was not measured', () => {
    const rows = computeRatios(result({ inprocess: null, targets: [target('batched', [point(8, 100, 1)])] }));
    expect(rows).toEqual([{ concurrency: 8, batchedOverUnbatched: null, batchedOverInprocess: null }]);
  });
});

describe('evaluateGoals', () => {
  it.each([
    { name: 'dynamic batching vs batching off, c=64', measured: '2.50×', status: 'PASS' },
    { name: 'served c=64 vs in-process best batch', measured: '83 %', status: 'PASS' },
    { name: 'served p50 at c=1', measured: '1.90 ms', status: 'PASS' },
    { name: 'cache hit p50 at c=1', measured: '0.30 ms', status: 'PASS' },
    { name: 'idle runtime RSS (demo model, after warm-up)', measured: '150 MB', status: 'PASS' },
    { name: 'gateway throughput vs straight to the runtime, c=64', measured: '92 %', status: 'PASS' },
    { name: 'gateway p50 cost at c=1', measured: '0.30 ms', status: 'PASS' },
  ])('$name: $measured is $status', ({ name, measured, status }) => {
    expect(evaluateGoals(result()).find((g) => g.name === name)).toMatchObject({ measured, status });
  });

  it.each([
    {
      case: 'batching gains under 2× miss',
      targets: [target('batching-off', [point(64, 1000, 60)]), target('batched', [point(64, 1900, 30)])],
      name: 'dynamic batching vs batching off, c=64',
      status: 'MISS',
    },
    {
      case: 'served c=1 slower than in-process + 1 ms misses',
      targets: [target('batched', [point(1, 400, 2.01)])],
      name: 'served p50 at c=1',
      status: 'MISS',
    },
    {
      case: 'a gateway that costs more than 10 % throughput misses',
      targets: [target('direct-socket', [point(64, 2600, 24)]), target('gateway', [point(64, 2300, 28)])],
      name: 'gateway throughput vs straight to the runtime, c=64',
      status: 'MISS',
    },
    {
      case: 'a gateway that adds more than 0.5 ms at c=1 misses',
      targets: [target('direct-socket', [point(1, 600, 1.5)]), target('gateway', [point(1, 500, 2.01)])],
      name: 'gateway p50 cost at c=1',
      status: 'MISS',
    },
    {
      case: 'a slow cache hit misses',
      targets: [target('cache-hit', [point(1, 1000, 0.51)])],
      name: 'cache hit p50 at c=1',
      status: 'MISS',
    },
    { case: 'a large runtime misses', targets: [target('batched', [], 201)], name: 'idle runtime RSS (demo model, after warm-up)', status: 'MISS' },
    { case: 'an unmeasured target is N/A', targets: [], name: 'cache hit p50 at c=1', status: 'N/A' },
  ])('$case', ({ targets, name, status }) => {
    expect(evaluateGoals(result({ targets })).find((g) => g.name === name)?.status).toBe(status);
  });
});

describe('formatting', () => {
  it('prints one served row per target and concurrency', () => {
    const lines = formatServedTable(result().targets).split('\n');
    expect(lines).toHaveLength(2 + 9);
    expect(lines[2]).toBe('| batching-off | 1 | 500 | 1.80 | 0.00 | 0 | stable (3) |');
  });
  it('puts the tables, ratios and targets in one report', () => {
    const report = formatReport(result());
    expect(report).toContain('load average 0.50 at start, 1.25 at end');
    expect(report).toContain('| 8 (best) | 3000 |');
    expect(report).toContain('| 64 | 2.50× | 0.83× |');
    expect(report).toContain('| cache hit p50 at c=1 | ≤ 0.50 ms | 0.30 ms | PASS |');
  });
});
