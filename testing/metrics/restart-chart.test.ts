/**
 * Charts across a restart, on real services: steady traffic through the real gateway and runtime
 * is rolled up, the control plane restarts on the same database, and the 5-minute chart (1 s
 * steps), now drawn from 10 s rows and live seconds, shows the rate that was served. An endpoint
 * with no ready replica answers fast 503s: counted as rejected, never as latency.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricRollups } from '../../db/schema';
import type { MetricsPoint } from '../../server/metrics/schemas';
import { waitFor } from '../control-plane';
import { infer, loadUntilStopped, serveScaleEndpoint, startHarness, type Harness } from '../serving/harness';

let h: Harness;

const pointsOf = (endpoint: string): MetricsPoint[] => h.services.metrics.endpoint(endpoint, { range: '5m' }).versions.find((v) => v.version === 1)?.points ?? [];
const sum = (points: MetricsPoint[]) => points.reduce((n, p) => n + p.requests, 0);

beforeAll(async () => {
  h = await startHarness();
  await serveScaleEndpoint(h);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('charts across a restart', () => {
  it('draws rolled-up seconds at the rate served, not as one-second spikes', { timeout: 120_000 }, async () => {
    const load = loadUntilStopped(h, 'ep', 2);
    // Until a whole 10 s bucket of load is rolled up.
    await waitFor(() => {
      h.core.metrics.rollups.run();
      const rows = h.deps.db.select().from(metricRollups).where(eq(metricRollups.endpoint, 'ep')).all();
      return rows.filter((r) => r.requests > 0).length >= 2 ? true : undefined;
    }, 60_000, 'rolled-up load');
    const replies = await load.stop();
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const endedMs = Date.now();
    await waitFor(() => (h.core.metrics.rollups.run() && h.core.metrics.rollups.watermarks().rolled10sUntilMs > endedMs ? true : undefined), 30_000, 'the rollup past the load');
    const before = pointsOf('ep');
    const maxServedRps = Math.max(...before.map((p) => p.rps));

    await h.restart();
    const m = h.services.metrics.endpoint('ep', { range: '5m' });
    expect(m).toMatchObject({ stepSeconds: 1, source: 'live' });
    const after = m.versions.find((v) => v.version === 1)!.points;
    // Every request the 1 s chart showed before the restart is there after it, from the 10 s rows.
    expect(sum(after)).toBe(sum(before));
    // Each 10 s row is drawn as ten equal seconds at its average rate, which no second of it exceeded…
    for (const p of after.filter((q) => q.requests > 0)) {
      const bucket = after.filter((q) => Math.floor(q.t / 10_000) === Math.floor(p.t / 10_000));
      expect(bucket.every((q) => q.rps === p.rps)).toBe(true);
      expect(p.rps).toBeLessThanOrEqual(maxServedRps);
    }
    // …and the first 10 s row's rate is its count over 10 s (it drew 10× that as one second before).
    const firstBusy = after.find((p) => p.requests > 0)!;
    const row = h.deps.db.select().from(metricRollups).where(eq(metricRollups.endpoint, 'ep')).all().find((r) => r.bucketStart.getTime() === Math.floor(firstBusy.t / 10_000) * 10_000)!;
    expect(firstBusy.rps).toBeCloseTo(row.requests / 10, 3);
  });

  it('counts fast 503s of an endpoint without a ready replica as rejected, outside its latency', { timeout: 90_000 }, async () => {
    // CUDA is not there in tests, so this endpoint never has a ready replica: the gateway answers 503 itself.
    h.services.endpoints.create({ name: 'down', model: 'scale', version: 1, config: { device: 'cuda' } }, 'test');
    h.plane.supervisor.trigger();
    await waitFor(async () => ((await infer(h, 'down', [1, 2, 3, 4])).status === 503 ? true : undefined), 60_000, 'the gateway routing the endpoint');
    for (let i = 0; i < 20; i++) expect((await infer(h, 'down', [1, 2, 3, 4])).status).toBe(503);
    const busy = await waitFor(() => {
      const points = pointsOf('down').filter((p) => p.requests > 0);
      return sum(points) >= 21 ? points : undefined;
    }, 10_000, 'the 503s in the chart');
    for (const p of busy) expect(p).toMatchObject({ rejected: p.requests, errors: p.requests, errorRatePct: 100, p50Ms: null, p99Ms: null });
    const text = (await h.services.metrics.prometheus()).body;
    const l = 'endpoint="down",version="1",route="stable"';
    expect(Number(new RegExp(`^slipway_gateway_rejected_requests_total\\{${l}\\} (\\d+)$`, 'm').exec(text)?.[1])).toBeGreaterThanOrEqual(21);
    expect(text).not.toMatch(new RegExp(`^slipway_gateway_request_duration_seconds_count\\{${l}\\} [1-9]`, 'm'));
  });
});
