import { describe, expect, it } from 'vitest';
import { candidateReplicas, extraVersionsOf, overlayOf, type RolloutView } from './serving-view';

const analysis = null;
const view = (over: Partial<RolloutView>): RolloutView => ({
  id: 1,
  endpoint: 'ep',
  replicas: 4,
  phase: 'progressing',
  weightPct: 25,
  spec: { strategy: 'canary', steps: [{ weightPct: 25 }, { weightPct: 50 }], stickyHeader: 'x-key', analysis, readyTimeoutSeconds: 60 },
  progress: { startedAtMs: 0, stepStartedAtMs: 0, lastCheckAtMs: 0, failedChecks: 0 },
  candidateVersion: 2,
  candidateVersionId: 20,
  stableVersionId: 10,
  ...over,
});
const blueGreen = { strategy: 'blue-green' as const, scaleDownDelaySeconds: 600, analysis, readyTimeoutSeconds: 60 };
const shadow = { strategy: 'shadow' as const, mirrorPct: 10, tolerance: { atol: 0.01, rtol: 0 }, analysis, readyTimeoutSeconds: 60 };

describe('overlayOf', () => {
  it.each([
    { name: 'canary progressing routes its weight', v: view({}), want: { canary: { version: 2, weightPct: 25, stickyHeader: 'x-key' } } },
    { name: 'paused canary keeps its weight', v: view({ phase: 'paused' }), want: { canary: { version: 2, weightPct: 25, stickyHeader: 'x-key' } } },
    { name: 'blue-green previews the candidate', v: view({ spec: blueGreen }), want: { preview: { version: 2 } } },
    { name: 'shadow mirrors with its tolerance', v: view({ spec: shadow }), want: { shadow: { version: 2, mirrorPct: 10, atol: 0.01, rtol: 0 } } },
    { name: 'starting routes nothing yet', v: view({ phase: 'starting' }), want: undefined },
    { name: 'aborted routes nothing: all traffic on stable', v: view({ phase: 'aborted' }), want: undefined },
  ])('$name', ({ v, want }) => {
    expect(overlayOf(v)).toEqual(want);
  });
});

describe('extraVersionsOf', () => {
  it.each([
    { name: 'a running canary keeps its candidate', v: view({}), now: 0, want: [{ endpoint: 'ep', versionId: 20, replicas: 2 }] },
    { name: 'a starting blue-green runs a full standby', v: view({ phase: 'starting', spec: blueGreen }), now: 0, want: [{ endpoint: 'ep', versionId: 20, replicas: 4 }] },
    { name: 'after promotion the old stable stays warm until scale-down', v: view({ phase: 'succeeded', progress: { startedAtMs: 0, stepStartedAtMs: 0, lastCheckAtMs: 0, failedChecks: 0, scaleDownAtMs: 1_000 } }), now: 999, want: [{ endpoint: 'ep', versionId: 10, replicas: 4 }] },
    { name: 'then it is let go', v: view({ phase: 'succeeded', progress: { startedAtMs: 0, stepStartedAtMs: 0, lastCheckAtMs: 0, failedChecks: 0, scaleDownAtMs: 1_000 } }), now: 1_000, want: [] },
    { name: 'an aborted rollout runs nothing extra', v: view({ phase: 'aborted' }), now: 0, want: [] },
  ])('$name', ({ v, now, want }) => {
    expect(extraVersionsOf(v, now)).toEqual(want);
  });

  it('shadow candidates scale with the mirrored share, at least one', () => {
    expect(candidateReplicas(view({ spec: shadow }))).toBe(1);
    expect(candidateReplicas(view({ replicas: 10, spec: { ...shadow, mirrorPct: 50 } }))).toBe(5);
  });

  it.each([
    ['a fixed endpoint provisions for its largest step', { replicas: 8, weightPct: 25 }, 4],
    ['an autoscaled one follows its current share', { replicas: 8, weightPct: 25, autoscaled: true }, 2],
    ['and grows with the stable version', { replicas: 16, weightPct: 25, autoscaled: true }, 4],
    ['at least one, even at 0 %', { replicas: 8, weightPct: 0, autoscaled: true }, 1],
    ['a blue-green standby of an endpoint scaled to zero still runs one', { replicas: 0, spec: blueGreen, autoscaled: true }, 1],
  ])('canary candidates: %s', (_name, over, want) => {
    expect(candidateReplicas(view(over))).toBe(want);
  });
});
