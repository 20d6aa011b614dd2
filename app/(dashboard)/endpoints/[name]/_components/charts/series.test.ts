import { describe, expect, it } from 'vitest';
import type { MetricsPoint, VersionSeries } from '../../../../../_lib/queries/metrics';
import { formatTick, formatValue, hasTraffic, roundTicks, markers, pivot, ratioToPct, seriesSpecs, versionColor } from './series';

function point(t: number, over: Partial<MetricsPoint> = {}): MetricsPoint {
  return {
    t,
    requests: 0,
    errors: 0,
    clientErrors: 0,
    rps: 0,
    errorRatePct: null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    queueDepth: null,
    meanBatchSize: null,
    cacheHitRatio: null,
    ...over,
  };
}

const v1: VersionSeries = { version: 1, points: [point(2000, { rps: 3, requests: 3 }), point(1000, { rps: 2, requests: 2 })] };
const v2: VersionSeries = { version: 2, points: [point(2000, { rps: 1, requests: 1 })] };

describe('pivot', () => {
  it('makes one row per step, sorted by time, with a column per version', () => {
    expect(pivot([v1, v2], { rps: (p) => p.rps })).toEqual([
      { t: 1000, v1_rps: 2, v2_rps: null },
      { t: 2000, v1_rps: 3, v2_rps: 1 },
    ]);
  });

  it('keeps several figures of one version apart', () => {
    const series: VersionSeries = { version: 3, points: [point(5, { p50Ms: 1, p99Ms: 9 })] };
    expect(pivot([series], { p50: (p) => p.p50Ms, p99: (p) => p.p99Ms })).toEqual([{ t: 5, v3_p50: 1, v3_p99: 9 }]);
  });

  it('returns no rows for no versions', () => {
    expect(pivot([], { rps: (p) => p.rps })).toEqual([]);
  });
});

describe('seriesSpecs', () => {
  it('names each line by version and figure', () => {
    expect(seriesSpecs([v1, v2], { p99: 'p99' }).map((s) => [s.key, s.label])).toEqual([
      ['v1_p99', 'v1 p99'],
      ['v2_p99', 'v2 p99'],
    ]);
  });

  it('names a single unnamed figure by version alone', () => {
    expect(seriesSpecs([v2], { rps: '' })[0]?.label).toBe('v2');
  });
});

describe('hasTraffic', () => {
  const cases: [string, VersionSeries[], boolean][] = [
    ['no versions', [], false],
    ['only quiet steps', [{ version: 1, points: [point(1), point(2)] }], false],
    ['one request somewhere', [v1], true],
  ];
  it.each(cases)('%s → %s', (_name, versions, expected) => {
    expect(hasTraffic(versions)).toBe(expected);
  });
});

describe('markers', () => {
  const events = [
    { action: 'rollout.start', message: 'canary v2', at: '', t: 1500, actor: 'admin' },
    { action: 'rollout.promoted', message: 'done', at: '', t: 9000, actor: 'controller' },
  ];

  it('keeps the events inside the range and drops the rollout. prefix from labels', () => {
    expect(markers(events, 1000, 2000)).toEqual([{ t: 1500, label: 'start', action: 'rollout.start', message: 'canary v2', row: 0, side: 'right' }]);
  });

  it('stacks the labels of events close together and restarts at the top after a gap', () => {
    const close = [
      { action: 'rollout.progressing', message: '', at: '', t: 1_010, actor: 'c' },
      { action: 'rollout.start', message: '', at: '', t: 1_000, actor: 'a' },
      { action: 'rollout.step', message: '', at: '', t: 1_020, actor: 'c' },
      { action: 'rollout.promoted', message: '', at: '', t: 50_000, actor: 'c' },
    ];
    expect(markers(close, 0, 100_000).map((m) => [m.label, m.row])).toEqual([
      ['start', 0],
      ['progressing', 1],
      ['step', 2],
      ['promoted', 0],
    ]);
  });

  it('includes events on the range edges', () => {
    expect(markers(events, 1500, 9000)).toHaveLength(2);
  });

  it('puts labels left of lines in the right half of the range, right of them in the left half', () => {
    expect(markers(events, 0, 10_000).map((m) => [m.label, m.side])).toEqual([
      ['start', 'right'],
      ['promoted', 'left'],
    ]);
  });
});

describe('formatTick', () => {
  const t = Date.UTC(2026, 10, 22, 9, 5, 7);
  it.each([
    ['5m', '09:05:07'],
    ['1h', '09:05'],
    ['24h', '09:05'],
    ['7d', '11-22 09:05'],
  ] as const)('%s → %s', (range, expected) => {
    expect(formatTick(t, range)).toBe(expected);
  });
});

describe('roundTicks', () => {
  const from = Date.UTC(2026, 10, 22, 9, 5, 7);
  it.each([
    ['5m', 5 * 60_000, ['09:06:00', '09:07:00', '09:08:00', '09:09:00', '09:10:00']],
    ['1h', 3_600_000, ['09:10', '09:20', '09:30', '09:40', '09:50', '10:00']],
    ['24h', 86_400_000, ['09:00', '12:00', '15:00', '18:00', '21:00', '00:00', '03:00', '06:00', '09:00'].slice(1)],
    ['7d', 7 * 86_400_000, ['11-23', '11-24', '11-25', '11-26', '11-27', '11-28', '11-29']],
  ] as const)('%s ticks fall on round UTC times', (range, spanMs, labels) => {
    const ticks = roundTicks(from, from + spanMs, range);
    expect(ticks.map((t) => formatTick(t, range))).toEqual(labels);
    for (const t of ticks) expect(t).toBeGreaterThanOrEqual(from);
  });
});

describe('formatValue', () => {
  it.each([
    [0, '0'],
    [0.04213, '0.042'],
    [1.3333, '1.33'],
    [27.54, '27.5'],
    [512.4, '512'],
  ])('%s → %s', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});

describe('ratioToPct and versionColor', () => {
  it('turns a 0..1 ratio into percent and keeps null', () => {
    expect(ratioToPct(0.25)).toBe(25);
    expect(ratioToPct(null)).toBeNull();
  });

  it('gives consecutive versions different colours and wraps around the palette', () => {
    expect(versionColor(1)).not.toBe(versionColor(2));
    expect(versionColor(7)).toBe(versionColor(1));
  });
});
