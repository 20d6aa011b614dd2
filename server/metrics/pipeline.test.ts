import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { metricRollups, runtimeInstances, endpoints } from '../../db/schema';
import type { RuntimeStats } from '../../protocol/stats';
import { recordAudit } from '../audit';
import { AppError } from '../errors';
import { TrafficStats } from '../gateway/traffic-stats';
import { buildServices } from '../services';
import { insertVersionFixture, makeTestDeps, type TestDeps } from '../../testing/services';
import { GpuPoller } from './gpu';
import { encodeHistogram, newHistogram } from './histogram';
import { createMetricsService, type MetricsPipeline } from '.';
import { LiveStore } from './live-store';

const T0 = 1_699_999_980_000; // on the 10 s and 1 min grids
const NO_GPUS = () => new GpuPoller(() => Promise.resolve(''));

function runtimeStats(atMs: number, over: Partial<RuntimeStats> = {}): RuntimeStats {
  const h = newHistogram();
  h.recordValue(800);
  return {
    type: 'stats',
    model: 'm',
    version: '1',
    atMs,
    intervalMs: 1000,
    requests: 10,
    failures: {},
    inferences: 10,
    executions: 2,
    batchSizes: { '5': 2 },
    queueDepth: 4,
    queueUs: 0,
    computeUs: 0,
    latencyHistogram: encodeHistogram(h),
    cache: { hits: 3, misses: 7, evictions: 0, entries: 5, bytes: 500 },
    rssBytes: 1e8,
    provider: 'cpu',
    ...over,
  };
}

/**
 * 30 seconds of traffic: version 1 answers 10 requests a second (1, 2, … 10 ms), one of them a
 * 503 every 10th second and one a 400 every second; version 2 (canary) 2 a second at 50 ms.
 */
function feed(live: LiveStore): void {
  const stats = new TrafficStats(T0);
  for (let s = 1; s <= 30; s++) {
    for (let i = 1; i <= 10; i++) {
      const status = i === 1 && s % 10 === 0 ? 503 : i === 2 ? 400 : 200;
      stats.record('ep', 1, 'stable', status, i * 1000);
    }
    stats.record('ep', 2, 'canary', 200, 50_000);
    stats.record('ep', 2, 'canary', 200, 50_000);
    live.addGateway(stats.flush(T0 + s * 1000));
    live.addRuntime('ep', 1, 'a', runtimeStats(T0 + s * 1000));
  }
}

function sum(points: { requests: number }[]): number {
  return points.reduce((n, p) => n + p.requests, 0);
}

describe('metrics pipeline (real database, fake clock)', () => {
  let nowMs = T0;
  let deps: TestDeps;
  let live: LiveStore;
  let metrics: MetricsPipeline;

  beforeEach(() => {
    nowMs = T0;
    deps = makeTestDeps({}, () => new Date(nowMs));
    const services = buildServices(deps);
    services.models.create({ name: 'm' }, 'alice');
    insertVersionFixture(deps, 'm', 1);
    insertVersionFixture(deps, 'm', 2);
    services.endpoints.create({ name: 'ep', model: 'm', version: 1 }, 'alice');
    live = new LiveStore(undefined, T0);
    metrics = createMetricsService(deps, live, { gpus: NO_GPUS() });
    feed(live);
    nowMs = T0 + 30_500;
  });

  afterEach(() => deps.cleanup());

  it('answers per-version series from the live store with merged percentiles', () => {
    const m = metrics.service.endpoint('ep', { range: '5m' });
    expect(m.source).toBe('live');
    expect(m.stepSeconds).toBe(1);
    expect(m.versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = m.versions;
    expect(v1!.points).toHaveLength(v2!.points.length);
    expect(sum(v1!.points)).toBe(300);
    expect(sum(v2!.points)).toBe(60);
    const busy = v1!.points.filter((p) => p.requests > 0);
    expect(busy).toHaveLength(30);
    expect(busy.reduce((n, p) => n + p.errors, 0)).toBe(3);
    expect(busy.reduce((n, p) => n + p.clientErrors, 0)).toBe(30);
    expect(busy[0]).toMatchObject({ rps: 10, cacheHitRatio: 0.3, meanBatchSize: 5, queueDepth: 4 });
    // HDR keeps 2 significant digits: within 1 % of the exact 5 ms and 10 ms.
    expect(busy[0]!.p50Ms).toBeCloseTo(5, 0);
    expect(busy[0]!.p99Ms).toBeCloseTo(10, 0);
    // A quiet step has zero rate and no latency.
    expect(v1!.points[0]).toMatchObject({ requests: 0, rps: 0, p99Ms: null, errorRatePct: null });
  });

  it('writes 10 s rollups of closed seconds, and a restarted control plane charts them', () => {
    nowMs = T0 + 32_500;
    expect(metrics.rollups.run().wrote10s).toBe(6); // 3 buckets × 2 versions
    const stored = deps.db.select({ n: count() }).from(metricRollups).where(eq(metricRollups.resolutionSeconds, 10)).get();
    expect(stored?.n).toBe(6);

    // Restart: an empty live store; the new rollup job resumes from the rows on disk.
    const after = createMetricsService(deps, new LiveStore(undefined, nowMs), { gpus: NO_GPUS() });
    expect(after.rollups.watermarks().rolled10sUntilMs).toBe(T0 + 30_000);
    const m = after.service.endpoint('ep', { range: '5m', step: 10 });
    const v1 = m.versions.find((v) => v.version === 1)!;
    expect(sum(v1.points)).toBe(300);
    expect(v1.points.reduce((n, p) => n + p.errors, 0)).toBe(3);
    const busy = v1.points.filter((p) => p.requests > 0);
    expect(busy).toHaveLength(3);
    expect(busy[0]).toMatchObject({ rps: 10, cacheHitRatio: 0.3, meanBatchSize: 5, queueDepth: 4 });
    expect(busy[0]!.p50Ms).toBeCloseTo(5, 0);
    expect(sum(m.versions.find((v) => v.version === 2)!.points)).toBe(60);
  });

  it('after a restart, 1 s steps spread each 10 s row over its seconds: the rate served, not ten times it', () => {
    nowMs = T0 + 32_500;
    metrics.rollups.run();
    const after = createMetricsService(deps, new LiveStore(undefined, nowMs), { gpus: NO_GPUS() });
    const m = after.service.endpoint('ep', { range: '5m' });
    expect(m.stepSeconds).toBe(1);
    const v1 = m.versions.find((v) => v.version === 1)!.points;
    const busy = v1.filter((p) => p.requests > 0);
    expect(busy).toHaveLength(30);
    expect(new Set(busy.map((p) => p.rps))).toEqual(new Set([10]));
    // Ratios are the row's: 1 % of each 10 s row is a 503; the queue averaged 4.
    expect(new Set(busy.map((p) => p.errorRatePct))).toEqual(new Set([1]));
    expect(new Set(busy.map((p) => p.queueDepth))).toEqual(new Set([4]));
    expect(sum(v1)).toBe(300);
    expect(busy[0]!.p50Ms).toBeCloseTo(5, 0);

    // A step the rows do not divide is rounded up to them rather than cutting a row apart.
    expect(after.service.endpoint('ep', { from: String(T0), to: String(T0 + 30_000), step: 3 }).stepSeconds).toBe(10);
  });

  it('skips and counts a row it cannot store, saves the others, and keeps saving on later runs', async () => {
    // What `/v2/models/__proto__/infer` once put in the live store: endpoint "undefined", version NaN.
    const stats = new TrafficStats(T0 + 30_000);
    stats.record('undefined', Number.NaN, 'stable', 500, 100);
    stats.record('ep', 1, 'stable', 200, 1_000);
    live.addGateway(stats.flush(T0 + 31_000));
    nowMs = T0 + 42_500;
    expect(metrics.rollups.run()).toMatchObject({ wrote10s: 7, skipped: 1 }); // 3 buckets × 2 versions, and ep's new second
    expect(metrics.rollups.skippedRows).toBe(1);
    const text = (await metrics.service.prometheus()).body;
    expect(text).toMatch(/^slipway_metrics_rollup_rows_skipped_total 1$/m);

    stats.record('ep', 1, 'stable', 200, 1_000);
    live.addGateway(stats.flush(T0 + 45_000));
    nowMs = T0 + 52_500;
    expect(metrics.rollups.run()).toMatchObject({ wrote10s: 1, skipped: 0 });
    const rows = deps.db.select().from(metricRollups).where(eq(metricRollups.resolutionSeconds, 10)).all();
    expect(rows.map((r) => r.bucketStart.getTime() - T0).filter((t) => t >= 30_000)).toEqual([30_000, 40_000]);
    expect(rows.every((r) => r.endpoint === 'ep')).toBe(true);
  });

  it('keeps requests the gateway rejected itself out of the latency percentiles, and reports them apart', () => {
    const stats = new TrafficStats(T0 + 30_000);
    for (let i = 0; i < 90; i++) stats.reject('ep', 1, 'stable', 503); // an outage's fast 503s
    for (let i = 0; i < 10; i++) stats.record('ep', 1, 'stable', 200, 20_000);
    live.addGateway(stats.flush(T0 + 31_000));
    nowMs = T0 + 31_500;
    const last = metrics.service.endpoint('ep', { range: '5m' }).versions.find((v) => v.version === 1)!.points.at(-1)!;
    expect(last).toMatchObject({ t: T0 + 30_000, requests: 100, errors: 90, rejected: 90, errorRatePct: 90 });
    expect(last.p50Ms).toBeCloseTo(20, 0);

    nowMs = T0 + 42_500;
    metrics.rollups.run();
    const row = deps.db.select().from(metricRollups).all().find((r) => r.bucketStart.getTime() === T0 + 30_000 && r.version === 1);
    expect(row).toMatchObject({ requests: 100, errors: 90, rejected: 90 });
  });

  it('folds 10 s rows into minutes and deletes rows past retention', () => {
    nowMs = T0 + 62_500;
    const first = metrics.rollups.run();
    expect(first).toMatchObject({ wrote10s: 6, wrote1m: 2 });
    const minute = deps.db.select().from(metricRollups).where(eq(metricRollups.resolutionSeconds, 60)).all();
    expect(minute.map((r) => [r.version, r.requests, r.errors, r.clientErrors, r.cacheHits])).toEqual([
      [1, 300, 3, 30, 90],
      [2, 60, 0, 0, 0],
    ]);

    nowMs = T0 + 25 * 3_600_000;
    expect(metrics.rollups.run().deleted).toBe(6); // the 10 s rows, 24 h old
    nowMs = T0 + 31 * 24 * 3_600_000;
    expect(metrics.rollups.run().deleted).toBe(2);
  });

  it('marks rollout audit events of the endpoint in range', () => {
    recordAudit(deps.db, { actor: 'alice', action: 'rollout.start', target: 'endpoint/ep/rollout/1', details: { message: 'canary of v2' }, at: new Date(T0 + 5_000) });
    recordAudit(deps.db, { actor: 'alice', action: 'endpoint.update', target: 'endpoint/ep', details: {}, at: new Date(T0 + 6_000) });
    const m = metrics.service.endpoint('ep', { range: '5m' });
    expect(m.events).toEqual([{ action: 'rollout.start', message: 'canary of v2', at: new Date(T0 + 5_000).toISOString(), t: T0 + 5_000, actor: 'alice' }]);
  });

  it('rejects an unknown endpoint and a bad range', () => {
    expect(() => metrics.service.endpoint('nope', {})).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }) as AppError);
    expect(() => metrics.service.endpoint('ep', { from: String(nowMs), to: String(nowMs - 1) })).toThrow(/from must be before to/);
  });

  it('summarizes each endpoint in the overview', () => {
    let row = metrics.service.overview().endpoints[0]!;
    // Window: the last 10 s before the gateway's last flush (T0+30 s): 100 + 20 requests, one 503.
    expect(row).toMatchObject({ endpoint: 'ep', model: 'm', stableVersion: 1, rps: 12, errorRatePct: 0.833, cacheHitRatio: 0.3, readyReplicas: 0 });
    expect(row).toMatchObject({ status: 'degraded', statusReason: 'no ready replica', rollout: null });
    expect(row.p99Ms).toBeCloseTo(50, 0);
    expect(row.sparkline).toHaveLength(30);
    expect(row.sparkline.slice(-3)).toEqual([12, 12, 12]);
    expect(row.sparkline.slice(0, -3).every((x) => x === 0)).toBe(true);

    const ep = deps.db.select().from(endpoints).get()!;
    deps.db.insert(runtimeInstances).values({ endpointId: ep.id, versionId: ep.versionId, replica: 0, state: 'ready', createdAt: new Date(), updatedAt: new Date() }).run();
    row = metrics.service.overview().endpoints[0]!;
    expect(row).toMatchObject({ status: 'healthy', readyReplicas: 1, desiredReplicas: 1 });
  });
});
