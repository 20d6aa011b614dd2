/**
 * A short real tuning on the demo model: scratch runtimes launched by the tuner, every point
 * measured and stored, then its best config applied to the serving endpoint under load, rolled
 * replica by replica with no failed request. Bounded: two concurrencies, 300 ms windows, 30 s.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startControlPlane, type ControlPlaneCore } from '../../server/control-plane';
import { bytesBody, DEMO_MODEL_PATH, makeTestDeps, PROJECT_ROOT, type TestDeps } from '../services';
import { syntheticRequest } from '../../server/tuning/synthetic-request';
import { waitFor } from '../control-plane';

let deps: TestDeps;
let core: ControlPlaneCore;
const request = syntheticRequest([{ name: 'x', datatype: 'FP32', shape: [-1, 3, -1, -1] }]);

beforeAll(async () => {
  deps = makeTestDeps({ SLIPWAY_HOST_CPUS: '2' });
  core = await startControlPlane(deps, pino({ level: 'silent' }), {
    projectRoot: PROJECT_ROOT,
    host: '127.0.0.1',
    gatewayPort: 0,
    controllerIntervalMs: 250,
    supervisor: { tickMs: 200, healthIntervalMs: 500, drainGraceMs: 10_000 },
    tuning: { warmupMs: 100, windowMs: 300, concurrencies: [1, 4] },
  });
  core.services.models.create({ name: 'demo' }, 'test');
  await core.services.versions.register({ model: 'demo', body: bytesBody(readFileSync(DEMO_MODEL_PATH)) }, 'test');
  core.services.endpoints.create({ name: 'demo', model: 'demo', version: 1 }, 'test');
  core.plane.supervisor.trigger();
  await waitFor(async () => ((await infer()) === 200 ? true : undefined), 60_000, 'demo serving');
}, 120_000);

afterAll(async () => {
  await core?.stop();
  deps?.cleanup();
});

async function infer(): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${core.plane.gateway.port}/v2/models/demo/infer`, { method: 'POST', headers: request.headers, body: new Uint8Array(request.body) });
  await res.arrayBuffer();
  return res.status;
}

function loadUntilStopped(concurrency: number) {
  const statuses: number[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) statuses.push(await infer().catch(() => 0));
  });
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(loops);
      return statuses;
    },
  };
}

describe('tuning the demo endpoint', () => {
  it('measures scratch runtimes, stores every point, and applies the best config with no failed request', async () => {
    // The demo's H×W are dynamic: this run says the sizes its requests have.
    const started = core.services.tunings.start('demo', { p99Ms: 2_000, maxMinutes: 0.5, inputShapes: [{ name: 'x', shape: [1, 3, 32, 100] }] }, 'alice');
    expect(started).toMatchObject({ status: 'running', endpoint: 'demo', version: 1, p99Ms: 2_000, inputShapes: [{ name: 'x', shape: [1, 3, 32, 100] }] });
    expect(() => core.services.tunings.start('demo', { p99Ms: 100, inputShapes: [{ name: 'x', shape: [1, 1, 32, 100] }] }, 'alice')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', issues: [{ path: 'inputShapes.0.shape', message: expect.stringMatching(/dim 1 is fixed at 3/) }] }),
    );
    expect(() => core.services.tunings.start('demo', { p99Ms: 100 }, 'alice')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    const done = await waitFor(() => {
      const t = core.services.tunings.get('demo', started.id);
      return t.status === 'running' ? undefined : t;
    }, 90_000, 'the tuning to finish', 200);
    expect(done.status, done.error ?? '').toBe('succeeded');
    expect(done.measurements.length).toBeGreaterThanOrEqual(3);
    expect(new Set(done.measurements.map((m) => m.concurrency))).toEqual(new Set([1, 4]));
    expect(done.measurements.every((m) => m.errors === 0 && m.throughputPerSec > 0)).toBe(true);
    expect(done.pareto.length).toBeGreaterThan(0);
    expect(done.best).not.toBeNull();
    // The scratch runtimes are gone and never served: only the endpoint's own replica is tracked.
    expect(core.plane.supervisor.records()).toHaveLength(1);

    const before = core.plane.supervisor.records()[0]!.id;
    const load = loadUntilStopped(2);
    await waitFor(() => (load.statuses.length >= 10 ? true : undefined), 30_000, 'load flowing');
    const applied = core.services.tunings.act('demo', started.id, 'apply', 'alice');
    expect(applied.appliedAt).not.toBeNull();
    const best = done.best!.candidate;
    expect(core.services.endpoints.get('demo').config).toMatchObject(best);
    // Rolled: a new replica with the new config is ready and the old one is gone.
    await waitFor(() => {
      const records = core.plane.supervisor.records();
      const ready = core.plane.supervisor.readyReplicas().get('demo')?.get(1) ?? [];
      return records.length === 1 && records[0]!.id !== before && ready.length === 1 && ready[0]!.id === records[0]!.id ? true : undefined;
    }, 60_000, 'the replica replaced with the tuned config');
    const served = load.statuses.length;
    await waitFor(() => (load.statuses.length >= served + 10 ? true : undefined), 30_000, 'load on the new replica');
    const statuses = await load.stop();
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(() => core.services.tunings.act('demo', started.id, 'cancel', 'alice')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const audit = core.services.audit.list({ target: `endpoint/demo/tuning/${started.id}`, limit: 10 }).items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['tuning.start', 'tuning.apply']));
  }, 180_000);

  it('refuses while fixed sizes hold every core, then cancels a running tuning and keeps what it measured', async () => {
    // Every layout tried on 2 cores (1×2, 2×1) uses both: the applied fixed size leaves no room.
    const fixed = core.services.endpoints.get('demo').config;
    expect((fixed.instances as number) * (fixed.intraOpThreads as number)).toBe(2);
    expect(() => core.services.tunings.start('demo', { p99Ms: 100 }, 'bob')).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/no room for scratch runtimes/) }));
    core.services.endpoints.update('demo', { config: { instances: 'auto', intraOpThreads: 'auto' } }, 'bob');
    const started = core.services.tunings.start('demo', { p99Ms: 2_000, maxMinutes: 1 }, 'bob');
    expect(started.inputShapes).toEqual([{ name: 'x', shape: [1, 3, 48, 192] }]); // none given: the guess, recorded
    await waitFor(() => (core.services.tunings.get('demo', started.id).measurements.length >= 1 ? true : undefined), 60_000, 'a first point');
    core.services.tunings.act('demo', started.id, 'cancel', 'bob');
    const done = await waitFor(() => {
      const t = core.services.tunings.get('demo', started.id);
      return t.status === 'running' ? undefined : t;
    }, 30_000, 'the cancel');
    expect(done.status).toBe('cancelled');
    expect(done.measurements.length).toBeGreaterThanOrEqual(1);
    expect(core.services.tunings.list('demo').items.map((t) => t.id)).toEqual([started.id, started.id - 1]);
  }, 120_000);
});
