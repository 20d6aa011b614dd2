import { describe, expect, it } from 'vitest';
import type { EndpointMetrics, MetricsPoint } from '../../../../../_lib/queries/metrics';
import { toChartData } from './use-chart-data';

const point = (t: number, over: Partial<MetricsPoint>): MetricsPoint => ({
  t,
  requests: 1,
  errors: 0,
  clientErrors: 0,
  rps: 1,
  errorRatePct: 0,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
  maxMs: 4,
  queueDepth: 0,
  meanBatchSize: 1,
  cacheHitRatio: null,
  ...over,
});

const metrics: EndpointMetrics = {
  endpoint: 'ep',
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-01T00:05:00.000Z',
  stepSeconds: 1,
  source: 'live',
  versions: [
    { version: 1, points: [point(Date.UTC(2026, 0, 1, 0, 1), { cacheHitRatio: 0.25 })] },
    { version: 2, points: [point(Date.UTC(2026, 0, 1, 0, 1), { p99Ms: 9 })] },
  ],
  events: [{ action: 'rollout.start', message: 'go', at: '2026-01-01T00:02:00.000Z', t: Date.UTC(2026, 0, 1, 0, 2), actor: 'a' }],
};

describe('toChartData', () => {
  const data = toChartData(metrics);

  it('spans the answer’s [from, to] on the time axis', () => {
    expect([data.fromMs, data.toMs]).toEqual([Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 0, 5)]);
  });

  it('draws three percentiles per version, told apart by dash and by version colour', () => {
    expect(data.latency.lines.map((l) => l.label)).toEqual(['v1 p50', 'v1 p95', 'v1 p99', 'v2 p50', 'v2 p95', 'v2 p99']);
    const [p50, p95, p99] = data.latency.lines;
    expect(new Set([p50?.dash, p95?.dash, p99?.dash]).size).toBe(3);
    expect(data.latency.lines[3]?.color).not.toBe(p50?.color);
    expect(data.latency.rows[0]).toMatchObject({ v1_p99: 3, v2_p99: 9 });
  });

  it('shows the cache ratio in percent and keeps missing figures null', () => {
    expect(data.cache.rows[0]).toMatchObject({ v1_hit: 25, v2_hit: null });
  });

  it('sees traffic and marks the rollout event', () => {
    expect(data.traffic).toBe(true);
    expect(data.markers.map((m) => m.label)).toEqual(['start']);
  });
});
