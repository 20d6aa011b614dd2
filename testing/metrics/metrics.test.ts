/**
 * The metrics pipeline end to end: known traffic through the real gateway to a real runtime
 * (successes, bad inputs, cache hits, an unknown pinned version), then the metrics API, the
 * overview and the Prometheus route must report the same counts and plausible latencies; a
 * canary then shows as a second series, chart markers, an overview status and rollout gauges.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearServices, registerServices } from '../../server/context';
import type { EndpointMetrics, MetricsPoint } from '../../server/metrics/schemas';
import { servePrometheus } from '../../server/metrics/prometheus-route';
import { scaleModel } from '../onnx';
import { waitFor } from '../control-plane';
import { infer, instanceRows, registerModel, startHarness, type Harness } from '../serving/harness';

let h: Harness;
const DISTINCT = 10;
const REPEATS = 10;
const BAD = 3;
const UNKNOWN_VERSION = 2;

function totals(m: EndpointMetrics, version: number) {
  const points: MetricsPoint[] = m.versions.find((v) => v.version === version)?.points ?? [];
  const add = (f: (p: MetricsPoint) => number) => points.reduce((n, p) => n + f(p), 0);
  return {
    requests: add((p) => p.requests),
    errors: add((p) => p.errors),
    clientErrors: add((p) => p.clientErrors),
    cacheHits: add((p) => p.cacheHits ?? 0),
    cacheMisses: add((p) => p.cacheMisses ?? 0),
    busy: points.filter((p) => p.requests > 0),
    points,
  };
}

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  h = await startHarness();
  await registerModel(h, 'scale', [scaleModel(2), scaleModel(3)]);
  h.services.endpoints.create({ name: 'ep', model: 'scale', version: 1, config: { cache: { enabled: true } } }, 'test');
  h.plane.supervisor.trigger();
  await waitFor(() => (instanceRows(h).some((r) => r.state === 'ready') ? true : undefined), 90_000, 'a ready replica');
  await waitFor(async () => ((await infer(h, 'ep', [0, 0, 0, 1])).status === 200 ? true : undefined), 10_000, 'a routed answer');

  // Known traffic (the warm-up answer above is one more success and one more cache miss).
  for (let i = 0; i < DISTINCT; i++) expect((await infer(h, 'ep', [i, 1, 2, 3])).status).toBe(200);
  for (let i = 0; i < REPEATS; i++) expect((await infer(h, 'ep', [9, 9, 9, 9])).status).toBe(200);
  for (let i = 0; i < BAD; i++) expect((await infer(h, 'ep', [1, 2, 3, 4, 5])).status).toBe(400);
  for (let i = 0; i < UNKNOWN_VERSION; i++) expect((await infer(h, 'ep', [1, 2, 3, 4], {}, '/v2/models/ep/versions/9/infer')).status).toBe(404);
}, 150_000);

afterAll(async () => {
  clearServices();
  await h?.stop();
});

describe('metrics of real traffic', () => {
  const successes = 1 + DISTINCT + REPEATS;

  it('the metrics API counts what the gateway answered, with merged latency and cache figures', async () => {
    const m = await waitFor(() => {
      const got = h.services.metrics.endpoint('ep', { range: '5m' });
      const t = totals(got, 1);
      return t.requests === successes + BAD && t.cacheHits + t.cacheMisses >= successes ? got : undefined;
    }, 15_000, 'the traffic in the metrics API');
    const t = totals(m, 1);
    // Unroutable requests (an undeployed pinned version) are refused before a version is chosen: not in any series.
    expect(m.versions.map((v) => v.version)).toEqual([1]);
    expect(t).toMatchObject({ errors: 0, clientErrors: BAD, cacheHits: REPEATS - 1, cacheMisses: 1 + DISTINCT + 1 });
    for (const p of t.busy) {
      expect(p.p50Ms).toBeGreaterThan(0);
      expect(p.p99Ms!).toBeGreaterThanOrEqual(p.p50Ms!);
      expect(p.maxMs!).toBeGreaterThanOrEqual(p.p99Ms!);
      expect(p.maxMs!).toBeLessThan(10_000);
    }
    // Runtime seconds need not line up with gateway seconds: look at every step.
    expect(t.points.some((p) => p.cacheHitRatio !== null && p.cacheHitRatio > 0)).toBe(true);
  });

  it('the overview lists the endpoint as ready with its stable version', () => {
    const row = h.services.metrics.overview().endpoints.find((e) => e.endpoint === 'ep');
    expect(row).toMatchObject({ model: 'scale', stableVersion: 1, readyReplicas: 1, desiredReplicas: 1, rollout: null });
    expect(row!.sparkline.reduce((a, b) => a + b, 0) * 10).toBeCloseTo(successes + BAD, 5);
  });

  it('/metrics reports the same counts, needs a token unless public, and passes promtool', async () => {
    registerServices(h.services);
    expect((await servePrometheus(new Request('http://127.0.0.1/metrics'))).status).toBe(401);
    const { secret } = h.services.tokens.create({ name: 'scraper', role: 'viewer' }, 'test');
    const res = await servePrometheus(new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${secret}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const l = 'endpoint="ep",version="1",route="stable"';
    expect(sample(text, `slipway_gateway_requests_total{${l}}`)).toBe(successes + BAD);
    expect(sample(text, `slipway_gateway_errors_total{${l},status="400",class="4xx"}`)).toBe(BAD);
    expect(sample(text, `slipway_gateway_request_duration_seconds_count{${l}}`)).toBe(successes + BAD);
    expect(sample(text, `slipway_gateway_request_duration_seconds_bucket{${l},le="+Inf"}`)).toBe(successes + BAD);
    expect(sample(text, 'slipway_runtime_cache_hits_total{endpoint="ep",version="1"}')).toBe(REPEATS - 1);
    expect(sample(text, 'slipway_runtime_restarts_total{endpoint="ep",version="1"}')).toBe(0);
    if (existsSync('/usr/bin/promtool')) {
      const check = spawnSync('/usr/bin/promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(`${check.stdout}${check.stderr}`).toBe('');
    }
  });

  it('a canary adds the candidate\'s series, chart markers, a rolling-out status and rollout gauges', async () => {
    const started = h.services.rollouts.start('ep', { version: 2, strategy: 'canary', steps: [{ weightPct: 50 }], analysis: null }, 'alice');
    await waitFor(() => (h.services.rollouts.get(started.id).phase === 'progressing' ? true : undefined), 90_000, 'the canary progressing');
    await waitFor(async () => ((await infer(h, 'ep', [Math.random(), 0, 0, 0])).version === '2' ? true : undefined), 30_000, 'an answer from the candidate');

    const m = await waitFor(() => {
      const got = h.services.metrics.endpoint('ep', { range: '5m' });
      return totals(got, 2).requests > 0 ? got : undefined;
    }, 10_000, 'the candidate in the series');
    expect(m.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(m.versions[0]!.points.map((p) => p.t)).toEqual(m.versions[1]!.points.map((p) => p.t));
    expect(m.events.map((e) => e.action)).toContain('rollout.start');
    expect(m.events.every((e) => e.t >= Date.parse(m.from))).toBe(true);

    const row = h.services.metrics.overview().endpoints.find((e) => e.endpoint === 'ep');
    expect(row).toMatchObject({ status: 'rolling-out', rollout: { id: started.id, strategy: 'canary', phase: 'progressing', candidateVersion: 2, weightPct: 50 } });

    const text = (await h.services.metrics.prometheus()).body;
    expect(sample(text, 'slipway_rollout_weight_percent{endpoint="ep"}')).toBe(50);
    expect(sample(text, 'slipway_rollout_phase{endpoint="ep",phase="progressing"}')).toBe(1);
    expect(sample(text, 'slipway_gateway_requests_total{endpoint="ep",version="2",route="canary"}')).toBeGreaterThan(0);
  }, 120_000);
});
