/**
 * Rollouts against real processes: control plane services, the rollout controller, the gateway
 * and runtime processes, with generated models whose outputs or speed differ.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rollout } from '../../server/rollout/schemas';
import { waitFor } from '../control-plane';
import { scaleModel } from '../onnx';
import { infer, loadUntilStopped, registerModel, startHarness, type Harness } from './harness';
import { slowScaleModel } from './models';

let h: Harness;
const created: string[] = [];

/** v1 = 2x (stable), v2 = 2x (healthy candidate), v3 = 2x but ~30× slower, v4 = 2.001x (close), v5 = 2.5x (different), v6 = 7x (its artifact goes missing). */
beforeAll(async () => {
  h = await startHarness();
  await registerModel(h, 'm', [scaleModel(2), scaleModel(2), slowScaleModel(2), scaleModel(2.001), scaleModel(2.5), scaleModel(7)]);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

afterEach(() => {
  // Free the runtimes of each test's endpoint: the machine has two cores.
  for (const name of created.splice(0)) h.services.endpoints.remove(name, 'test');
});

async function endpointServing(name: string, replicas = 1): Promise<void> {
  h.services.endpoints.create({ name, model: 'm', version: 1, config: { replicas, maxBatchSize: 8 } }, 'test');
  created.push(name);
  h.plane.supervisor.trigger();
  await waitFor(async () => ((await infer(h, name, [1, 1, 1, 1])).status === 200 ? true : undefined), 60_000, `${name} serving`);
}

const rollout = (id: number): Rollout => h.services.rollouts.get(id);
const waitPhase = (id: number, phases: Rollout['phase'][], timeoutMs = 60_000) =>
  waitFor(() => (phases.includes(rollout(id).phase) ? rollout(id) : undefined), timeoutMs, `rollout ${id} to be ${phases.join(' or ')}`, 100);

describe('canary', () => {
  it('passes analysis step by step and promotes the candidate', async () => {
    await endpointServing('canary-ok');
    const load = loadUntilStopped(h, 'canary-ok', 3);
    const started = h.services.rollouts.start(
      'canary-ok',
      {
        version: 2,
        strategy: 'canary',
        steps: [{ weightPct: 30, pauseSeconds: 1 }, { weightPct: 60, pauseSeconds: 1 }],
        analysis: { intervalSeconds: 1, minRequests: 3, maxErrorRatePct: 1, maxP99LatencyRatio: 10, p99SlackMs: 100, failureLimit: 2 },
      },
      'alice',
    );
    expect(started.phase).toBe('starting');
    const done = await waitPhase(started.id, ['succeeded', 'aborted'], 90_000);
    const replies = await load.stop();
    expect(done.phase, done.message).toBe('succeeded');
    expect(done.checks.some((c) => c.verdict === 'pass')).toBe(true);
    expect(h.services.endpoints.get('canary-ok').version).toBe(2);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(new Set(replies.map((r) => r.version))).toEqual(new Set(['1', '2']));
    const actions = h.services.audit.list({ target: `endpoint/canary-ok/rollout/${started.id}`, limit: 50 }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['rollout.start', 'rollout.progressing', 'rollout.step', 'rollout.promoted']));
  }, 120_000);

  it('aborts a slower candidate automatically and returns all traffic to stable', async () => {
    await endpointServing('canary-slow');
    const load = loadUntilStopped(h, 'canary-slow', 4);
    const started = h.services.rollouts.start(
      'canary-slow',
      {
        version: 3,
        strategy: 'canary',
        steps: [{ weightPct: 50, pauseSeconds: 600 }],
        analysis: { intervalSeconds: 1, minRequests: 5, maxErrorRatePct: 1, maxP99LatencyRatio: 1.5, p99SlackMs: 2, failureLimit: 0 },
      },
      'alice',
    );
    const done = await waitPhase(started.id, ['aborted', 'succeeded'], 90_000);
    expect(done.phase).toBe('aborted');
    expect(done.reason).toBe('AnalysisFailed');
    const failed = done.checks.find((c) => c.verdict === 'fail')!;
    expect(failed.metrics.find((m) => m.metric === 'p99Latency')?.verdict).toBe('fail');
    expect(done.weightPct).toBe(0);
    // Once the abort is routed, every answer comes from stable again.
    const before = load.replies.length;
    await waitFor(() => (load.replies.length >= before + 30 ? true : undefined), 30_000, 'more traffic after the abort');
    await waitFor(() => (load.replies.slice(-20).every((r) => r.version === '1') ? true : undefined), 30_000, 'stable answers only');
    const replies = await load.stop();
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(h.services.endpoints.get('canary-slow').version).toBe(1);
  }, 120_000);

  it('keeps a route key on the same side, and rejects a second rollout and illegal actions', async () => {
    await endpointServing('sticky');
    const started = h.services.rollouts.start('sticky', { version: 2, strategy: 'canary', steps: [{ weightPct: 50 }], analysis: null }, 'alice');
    await waitPhase(started.id, ['progressing']);
    await waitFor(async () => ((await infer(h, 'sticky', [1, 1, 1, 1], { 'x-slipway-route-key': 'probe' })).version ? true : undefined), 10_000, 'routes');
    const sides = new Map<string, Set<string | null>>();
    for (const key of ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi']) {
      const seen = new Set<string | null>();
      for (let i = 0; i < 6; i++) seen.add((await infer(h, 'sticky', [1, 2, 3, 4], { 'x-slipway-route-key': key })).version);
      sides.set(key, seen);
    }
    for (const [key, seen] of sides) expect(seen.size, `key ${key} saw ${[...seen].join(',')}`).toBe(1);
    expect(new Set([...sides.values()].flatMap((s) => [...s]))).toEqual(new Set(['1', '2']));

    expect(() => h.services.rollouts.start('sticky', { version: 4, strategy: 'canary', steps: [{ weightPct: 10 }] }, 'alice')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    // A step without pauseSeconds waits for a person: resume advances past it and promotes (last step).
    const resumed = h.services.rollouts.act(started.id, 'resume', 'bob');
    expect(resumed.phase).toBe('succeeded');
    expect(() => h.services.rollouts.act(started.id, 'abort', 'bob')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'cannot abort a rollout that is succeeded' }));
  }, 120_000);
});

describe('faults', () => {
  it('aborts a rollout whose candidate never becomes ready, with the runtime\'s reason, and leaves stable serving', async () => {
    await endpointServing('no-candidate');
    // Lost storage: the candidate's artifact is gone, so its runtime fails to load it.
    rmSync(h.services.versions.artifact('m', 6).path);
    const load = loadUntilStopped(h, 'no-candidate', 2);
    const started = h.services.rollouts.start('no-candidate', { version: 6, strategy: 'canary', steps: [{ weightPct: 50, pauseSeconds: 1 }], analysis: null }, 'alice');
    const done = await waitPhase(started.id, ['aborted', 'progressing'], 90_000);
    const replies = await load.stop();
    expect(done.phase).toBe('aborted');
    expect(done.reason).toBe('CandidateNotReady');
    expect(done.message).toMatch(/candidate never became ready: runtime exited with code 3/);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status !== 200 || r.version !== '1')).toEqual([]);
  }, 120_000);
});

describe('shadow', () => {
  it('mirrors traffic, compares within tolerance, and never changes what clients get', async () => {
    await endpointServing('shadow');
    const started = h.services.rollouts.start('shadow', { version: 4, strategy: 'shadow', mirrorPct: 100, tolerance: { atol: 0.01, rtol: 0 }, analysis: null }, 'alice');
    await waitPhase(started.id, ['progressing']);
    await waitFor(async () => {
      const r = await infer(h, 'shadow', [1, 2, 3, 4]);
      expect(r.version).toBe('1');
      expect(r.body.outputs?.[0]?.data).toEqual([2, 4, 6, 8]);
      const s = rollout(started.id).shadow!;
      return s.compared >= 10 ? s : undefined;
    }, 60_000, 'ten compared pairs');
    const s = rollout(started.id).shadow!;
    expect(s.agreed).toBe(s.compared);
    expect(s.agreementPct).toBe(100);
    h.services.rollouts.act(started.id, 'abort', 'alice');
  }, 120_000);

  it('records disagreeing samples when outputs differ beyond tolerance', async () => {
    await endpointServing('shadow-strict');
    const started = h.services.rollouts.start('shadow-strict', { version: 5, strategy: 'shadow', mirrorPct: 100, tolerance: { atol: 0.001, rtol: 0 }, analysis: null }, 'alice');
    await waitPhase(started.id, ['progressing']);
    const summary = await waitFor(async () => {
      await infer(h, 'shadow-strict', [1, 2, 3, 4]);
      const s = rollout(started.id).shadow!;
      return s.compared >= 5 && s.samples.length >= 1 ? s : undefined;
    }, 60_000, 'disagreeing samples');
    expect(summary.agreed).toBe(0);
    expect(summary.agreementPct).toBe(0);
    expect(summary.samples[0]).toMatchObject({ shapeMatch: true, withinTolerance: false, argmaxAgree: true });
    expect(summary.samples[0]!.maxAbsDiff).toBeCloseTo(2, 5); // 2.5·4 − 2·4
    h.services.rollouts.act(started.id, 'abort', 'alice');
  }, 120_000);
});

describe('blue-green', () => {
  it('previews the candidate, promotes with zero failed requests under load, and rolls back instantly', async () => {
    await endpointServing('bg', 2);
    const started = h.services.rollouts.start('bg', { version: 5, strategy: 'blue-green', scaleDownDelaySeconds: 120 }, 'alice');
    await waitPhase(started.id, ['progressing'], 90_000);
    const preview = await infer(h, 'bg', [1, 1, 1, 1], { 'x-slipway-preview': '1' });
    expect(preview.version).toBe('5');
    expect(preview.body.outputs?.[0]?.data).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect((await infer(h, 'bg', [1, 1, 1, 1])).version).toBe('1');

    const load = loadUntilStopped(h, 'bg', 4);
    await waitFor(() => (load.replies.length >= 20 ? true : undefined), 20_000, 'load running');
    const promoted = h.services.rollouts.act(started.id, 'promote', 'alice');
    expect(promoted.phase).toBe('succeeded');
    expect(promoted.scaleDownAt).not.toBeNull();
    await waitFor(() => (load.replies.slice(-10).every((r) => r.version === '5') ? true : undefined), 10_000, 'version 5 serving');
    const oldPids = h.services.replicas.list('bg').items.filter((r) => r.version === 1).map((r) => r.pid);
    expect(oldPids).toHaveLength(2);

    h.services.rollouts.rollback('bg', 'alice');
    const mark = load.replies.length;
    // Instant: the first answers after the rollback come from the warm version 1.
    await waitFor(() => (load.replies.length >= mark + 8 ? true : undefined), 10_000, 'answers after rollback');
    const replies = await load.stop();
    expect(replies.slice(mark + 4).every((r) => r.version === '1')).toBe(true);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(h.services.replicas.list('bg').items.filter((r) => r.version === 1).map((r) => r.pid)).toEqual(oldPids);
    expect(rollout(started.id).phase).toBe('rolled-back');
  }, 150_000);
});

describe('restart', () => {
  it('resumes a canary at the same step and weight after the control plane restarts', async () => {
    await endpointServing('resume');
    const started = h.services.rollouts.start('resume', { version: 2, strategy: 'canary', steps: [{ weightPct: 20, pauseSeconds: 1 }, { weightPct: 40 }, { weightPct: 80 }], analysis: null }, 'alice');
    const before = await waitFor(() => (rollout(started.id).currentStep === 1 ? rollout(started.id) : undefined), 60_000, 'step 2');
    expect(before.weightPct).toBe(40);

    await h.restart();

    const after = rollout(started.id);
    expect([after.phase, after.currentStep, after.weightPct]).toEqual(['progressing', 1, 40]);
    // Routing resumes too: both versions answer again once the candidate is back.
    const versions = new Set<string | null>();
    await waitFor(async () => {
      versions.add((await infer(h, 'resume', [1, 1, 1, 1])).version);
      return versions.has('1') && versions.has('2') ? true : undefined;
    }, 60_000, 'both versions serving after the restart');
    h.services.rollouts.act(started.id, 'abort', 'alice');
  }, 150_000);
});
