/**
 * The metrics routes on the real server (`server/main.ts` with the demo endpoint): the traffic
 * generator runs as a real process against the gateway, then the metrics API, the overview and
 * Prometheus' `/metrics` answer over HTTP, including their refusals.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, PROJECT_ROOT, SETUP_TIMEOUT_MS, startControlPlane, waitFor, type ControlPlane } from '../control-plane';
import { call, expectError } from '../integration/client';

let plane: ControlPlane;
let gateway: string;
let loadgenOutput = '';
let loadgenExit: number | null = null;

function runLoadgen(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/loadgen.ts', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => (loadgenOutput += c.toString()));
    child.stderr.on('data', (c: Buffer) => (loadgenOutput += c.toString()));
    child.once('exit', (code) => resolve(code));
  });
}

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane({ demo: true });
  gateway = await waitFor(() => /inference gateway \(KServe v2\) listening on (http:\/\/\S+)/.exec(plane.output())?.[1], 10_000, 'the gateway address');
  // The demo endpoint is seeded at start; its runtime warms up before the gateway routes to it.
  await waitFor(async () => ((await fetch(`${gateway}/v2/models/text-orientation/ready`)).ok ? true : undefined), 120_000, 'the demo endpoint ready');
  loadgenExit = await runLoadgen(['--endpoint', 'text-orientation', '--gateway', gateway, '--rps', '20', '--duration', '3', '--repeat-pct', '50']);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

describe('metrics over HTTP', () => {
  it('the traffic generator reports a line per second and a summary with successes', () => {
    expect(loadgenExit, loadgenOutput).toBe(0);
    expect(loadgenOutput).toMatch(/inputs \w+\[1,3,48,192\]/);
    expect(loadgenOutput).toMatch(/^\[\s+1s\] rps=/m);
    expect(loadgenOutput).toMatch(/^summary over \d+\.\d s: rps=[\d.]+ ok=[1-9]\d* errors=0/m);
  });

  it('serves the endpoint\'s series, counting what the generator sent', async () => {
    const sent = Number(/^summary .* ok=(\d+)/m.exec(loadgenOutput)?.[1]);
    const reply = await waitFor(async () => {
      const r = await call(plane, 'GET', '/endpoints/text-orientation/metrics?range=5m', { token: plane.adminToken });
      const requests = (r.body.versions?.[0]?.points ?? []).reduce((n: number, p: { requests: number }) => n + p.requests, 0);
      return r.status === 200 && requests >= sent ? r : undefined;
    }, 10_000, 'the generated traffic in the series');
    expect(reply.body).toMatchObject({ endpoint: 'text-orientation', stepSeconds: 1, source: 'live', events: [] });
    expect(reply.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const busy = reply.body.versions[0].points.filter((p: { requests: number }) => p.requests > 0);
    for (const p of busy) expect(p.p99Ms).toBeGreaterThanOrEqual(p.p50Ms);
  });

  it('refuses bad ranges with the limit in the message, and unknown endpoints', async () => {
    // 29 days at one point a minute (steps finer than the 1 min rollups round up to them).
    const tooMany = await call(plane, 'GET', `/endpoints/text-orientation/metrics?from=${Date.now() - 29 * 86_400_000}&step=1`, { token: plane.adminToken });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/3000 points/);
    const backwards = await call(plane, 'GET', `/endpoints/text-orientation/metrics?from=${Date.now()}&to=${Date.now() - 60_000}`, { token: plane.adminToken });
    expectError(backwards, 400, 'VALIDATION');
    expectError(await call(plane, 'GET', '/endpoints/text-orientation/metrics?range=1y', { token: plane.adminToken }), 400, 'VALIDATION');
    expectError(await call(plane, 'GET', '/endpoints/nope/metrics?range=5m', { token: plane.adminToken }), 404, 'NOT_FOUND');
    expectError(await call(plane, 'GET', '/overview'), 401, 'UNAUTHORIZED');
  });

  it('lists the demo endpoint in the overview', async () => {
    const r = await call(plane, 'GET', '/overview', { token: plane.adminToken });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ windowSeconds: 10, sparklineStepSeconds: 10 });
    expect(r.body.endpoints).toEqual([expect.objectContaining({ endpoint: 'text-orientation', stableVersion: 1, readyReplicas: 1, rollout: null })]);
    expect(r.body.endpoints[0].sparkline.some((x: number) => x > 0)).toBe(true);
  });

  it('serves Prometheus text at /metrics to a bearer token, and 401 without one', async () => {
    const anonymous = await fetch(`${plane.baseUrl}/metrics`, { redirect: 'manual' });
    expect(anonymous.status).toBe(401);
    const res = await fetch(`${plane.baseUrl}/metrics`, { headers: { authorization: `Bearer ${plane.adminToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^slipway_gateway_requests_total\{endpoint="text-orientation",version="1",route="stable"\} [1-9]/m);
    expect(text).toMatch(/^slipway_gateway_request_duration_seconds_bucket\{endpoint="text-orientation",version="1",route="stable",le="\+Inf"\} [1-9]/m);
  });
});
