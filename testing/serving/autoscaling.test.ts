/**
 * Autoscaling against real processes: the real gateway and real runtimes, bounded closed-loop load
 * on loopback. Policies use one- to three-second delays so each scaling step takes seconds; the
 * assertions are on what a client and an operator observe (answers, replica counts, the scaling
 * status and audit events), never on how long something took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostBudget } from '../../server/autoscaling/host-budget';
import { waitFor } from '../control-plane';
import { scaleModel } from '../onnx';
import { infer, loadUntilStopped, registerModel, startHarness, type Harness } from './harness';
import { slowScaleModel } from './models';

/** The serving harness with an autoscaler on a short tick and the host budget given. */
const startScalingHarness = (budget: HostBudget): Promise<Harness> => startHarness({ autoscaler: { tickMs: 250, budget } });

const status = (h: Harness, endpoint: string) => h.services.scaling.status(endpoint);
const failed = (replies: { status: number }[]) => replies.filter((r) => r.status !== 200);

describe('autoscaling on one host', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startScalingHarness({ cores: 8, gpus: 0 });
    // Slow enough that four clients keep about four requests in flight.
    await registerModel(h, 'slow', [slowScaleModel(2, 256, 24)]);
    await registerModel(h, 'scale', [scaleModel(3)]);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('load pushes 1 → 2 replicas and idleness brings it back to 1, with no failed request', async () => {
    h.services.endpoints.create(
      { name: 'busy', model: 'slow', version: 1, config: { autoscaling: { minReplicas: 1, maxReplicas: 2, metric: 'inflight', target: 1.5, upscaleDelaySeconds: 1, downscaleDelaySeconds: 3, lookbackSeconds: 2 } } },
      'test',
    );
    await waitFor(() => (status(h, 'busy').readyReplicas === 1 ? true : undefined), 60_000, 'one ready replica');
    const load = loadUntilStopped(h, 'busy', 4);
    const up = await waitFor(() => {
      const s = status(h, 'busy');
      return s.readyReplicas >= 2 ? s : undefined;
    }, 60_000, 'a second ready replica under load');
    const replies = [...(await load.stop())];
    expect(up.desiredReplicas).toBe(2);
    const down = await waitFor(() => {
      const s = status(h, 'busy');
      return s.desiredReplicas === 1 && s.readyReplicas === 1 ? s : undefined;
    }, 60_000, 'back to one replica when idle');
    // A request after the scale-down still answers: the drained replica left routing first.
    replies.push(await infer(h, 'busy', [1, 2, 3, 4]));
    expect(replies.length).toBeGreaterThan(10);
    expect(failed(replies)).toEqual([]);
    const ups = down.events.filter((e) => e.toReplicas > e.fromReplicas);
    expect(ups[0]).toMatchObject({ fromReplicas: 1, toReplicas: 2, reason: 'load', metric: 'inflight', target: 1.5 });
    expect(ups[0]!.value).toBeGreaterThan(1.5);
    expect(down.events.at(-1)).toMatchObject({ fromReplicas: 2, toReplicas: 1, reason: 'load' });
    const audit = h.services.audit.list({ action: 'endpoint.scale', limit: 50 }).items;
    expect(audit.every((e) => e.actor === 'system' && e.target === 'endpoint/busy')).toBe(true);
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(down.samples.some((s) => s.ready['1'] === 2)).toBe(true);
  }, 180_000);

  it('scales to zero when idle and answers a cold request with 200 once a replica is up', async () => {
    h.services.endpoints.create(
      { name: 'cold', model: 'scale', version: 1, config: { autoscaling: { minReplicas: 0, maxReplicas: 1, metric: 'inflight', target: 4, upscaleDelaySeconds: 1, downscaleDelaySeconds: 2, lookbackSeconds: 2 } } },
      'test',
    );
    // Once the gateway knows the new endpoint (404 before its first table), a request is served
    // warm or held while the first replica starts: either way a 200.
    const first = await waitFor(async () => {
      const r = await infer(h, 'cold', [1, 2, 3, 4]);
      return r.status === 404 ? undefined : r;
    }, 10_000, 'the endpoint routed');
    expect(first.status).toBe(200);
    await waitFor(() => {
      const s = status(h, 'cold');
      return s.desiredReplicas === 0 && s.readyReplicas === 0 && h.plane.supervisor.versionHealth('cold', 1).readyReplicas === 0 ? true : undefined;
    }, 60_000, 'scaled to zero');
    // The endpoint stays in the routing table with no replica, and the gateway still reports ready.
    expect((await fetch(`${h.gatewayUrl}/v2/health/ready`)).status).toBe(200);
    const cold = await Promise.all([infer(h, 'cold', [1, 2, 3, 4]), infer(h, 'cold', [2, 2, 2, 2])]);
    expect(cold.map((r) => r.status)).toEqual([200, 200]);
    expect(cold[0]!.body.outputs?.[0]?.data).toEqual([3, 6, 9, 12]);
    const s = await waitFor(() => {
      const st = status(h, 'cold');
      return st.lastColdStartMs !== null ? st : undefined;
    }, 10_000, 'a measured cold start');
    expect(s.lastColdStartMs).toBeGreaterThan(0);
    expect(s.events.map((e) => [e.fromReplicas, e.toReplicas, e.reason])).toEqual(expect.arrayContaining([[1, 0, 'idle'], [0, 1, 'cold-start']]));
  }, 120_000);

  it('policy errors are VALIDATION with the field named', () => {
    for (const autoscaling of [
      { minReplicas: 3, maxReplicas: 2, metric: 'inflight', target: 1 },
      { minReplicas: 1, maxReplicas: 2, metric: 'inflight', target: -1 },
      { minReplicas: 1, maxReplicas: 2, metric: 'gpu', target: 1 },
    ]) {
      expect(() => h.services.endpoints.update('busy', { config: { autoscaling } as never }, 'test')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });
});

describe('two autoscaled endpoints sharing a small budget', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startScalingHarness({ cores: 3, gpus: 0 });
    await registerModel(h, 'slow', [slowScaleModel(2, 256, 24)]);
    for (const name of ['a', 'b']) {
      h.services.endpoints.create(
        // A long downscale delay: the restart below must find the count it left.
        { name, model: 'slow', version: 1, config: { autoscaling: { minReplicas: 1, maxReplicas: 3, metric: 'inflight', target: 1, upscaleDelaySeconds: 1, downscaleDelaySeconds: 600, lookbackSeconds: 2 } } },
        'test',
      );
    }
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('never runs more replicas than the budget, shows the one held back at capacity, and keeps its counts over a restart', async () => {
    await waitFor(() => (status(h, 'a').readyReplicas === 1 && status(h, 'b').readyReplicas === 1 ? true : undefined), 60_000, 'one replica each');
    const loads = [loadUntilStopped(h, 'a', 4), loadUntilStopped(h, 'b', 4)];
    let most = 0;
    const held = await waitFor(() => {
      const [a, b] = [status(h, 'a'), status(h, 'b')];
      most = Math.max(most, a.desiredReplicas + b.desiredReplicas);
      const capped = [a, b].find((s) => s.heldBack !== null);
      return a.readyReplicas + b.readyReplicas === 3 && capped ? { a, b, capped } : undefined;
    }, 60_000, 'the budget filled and one endpoint held back');
    const replies = (await Promise.all(loads.map((l) => l.stop()))).flat();
    expect(most).toBeLessThanOrEqual(3);
    expect(held.capped.reason).toBe('at-capacity');
    expect(held.capped.heldBack).toMatchObject({ budgetCores: 3, usedCores: 3, coresPerReplica: 1 });
    expect(held.capped.heldBack!.wantedReplicas).toBeGreaterThan(held.capped.heldBack!.allowedReplicas);
    expect(failed(replies)).toEqual([]);

    const before = { a: held.a.desiredReplicas, b: held.b.desiredReplicas };
    const pids = new Set(h.plane.supervisor.records().map((r) => r.pid));
    await h.restartDetached();
    expect(h.plane.adopted.runtimes).toBe(3);
    // The new control plane has decided a few times and kept what it found.
    await waitFor(() => (h.core.autoscaler.samplesOf('a').length > 0 ? true : undefined), 10_000, 'the autoscaler running');
    const after = await waitFor(() => {
      const [a, b] = [status(h, 'a'), status(h, 'b')];
      return a.readyReplicas + b.readyReplicas === 3 ? { a: a.desiredReplicas, b: b.desiredReplicas } : undefined;
    }, 20_000, 'the adopted replicas ready');
    expect(after).toEqual(before);
    expect(new Set(h.plane.supervisor.records().map((r) => r.pid))).toEqual(pids);
  }, 180_000);
});
