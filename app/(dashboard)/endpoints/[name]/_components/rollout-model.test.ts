import { describe, expect, it } from 'vitest';
import { applyAction, ROLLOUT_ACTIONS } from '../../../../../server/rollout/apply-action';
import { ROLLOUT_PHASES } from '../../../../../server/rollout/phases';
import type { RolloutSpec } from '../../../../../server/rollout/spec';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import { activeRolloutOf, blueGreenStages, canAct, canaryStages } from './rollout-model';

const STEPS = [{ weightPct: 10, pauseSeconds: 2 }, { weightPct: 50 }, { weightPct: 100, pauseSeconds: 5 }];

function rollout(over: Partial<Rollout> = {}): Rollout {
  return {
    id: 1,
    endpoint: 'ep',
    model: 'm',
    candidateVersion: 2,
    stableVersion: 1,
    strategy: 'canary',
    spec: { strategy: 'canary', steps: STEPS, analysis: null, readyTimeoutSeconds: 60, stickyHeader: 'x' },
    phase: 'progressing',
    reason: '',
    message: '',
    currentStep: 0,
    weightPct: 10,
    checks: [],
    failedChecks: 0,
    shadow: null,
    startedBy: 'admin',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    scaleDownAt: null,
    ...over,
  };
}

describe('activeRolloutOf', () => {
  it('picks the first rollout in an active phase and none when all are final', () => {
    expect(activeRolloutOf([rollout({ id: 3, phase: 'paused' }), rollout({ id: 2, phase: 'succeeded' })])?.id).toBe(3);
    expect(activeRolloutOf([rollout({ id: 2, phase: 'aborted' }), rollout({ id: 1, phase: 'succeeded' })])).toBeUndefined();
  });
});

describe('canAct agrees with the server for every phase, action and step', () => {
  const cases = ROLLOUT_PHASES.flatMap((phase) => [0, 1, 2].flatMap((currentStep) => ROLLOUT_ACTIONS.map((action) => ({ phase, currentStep, action }))));
  it.each(cases)('$action in $phase at step $currentStep', ({ phase, currentStep, action }) => {
    const r = rollout({ phase, currentStep });
    const state = { phase, currentStep, weightPct: 10, reason: '', message: '', progress: { startedAtMs: 0, stepStartedAtMs: 1, lastCheckAtMs: 0, failedChecks: 0 } };
    let accepted = true;
    try {
      applyAction(r.spec as unknown as RolloutSpec, state, action, 'admin', 10);
    } catch {
      accepted = false;
    }
    expect(canAct(r, action)).toBe(accepted);
  });
});

describe('canaryStages', () => {
  it.each([
    ['starting', 0, ['pending', 'pending', 'pending']],
    ['progressing', 1, ['done', 'current', 'pending']],
    ['paused', 0, ['current', 'pending', 'pending']],
    ['succeeded', 1, ['done', 'done', 'skipped']],
    ['succeeded', 2, ['done', 'done', 'done']],
    ['aborted', 1, ['done', 'stopped', 'skipped']],
  ] as const)('%s at step %d reads %j', (phase, currentStep, statuses) => {
    expect(canaryStages(rollout({ phase, currentStep })).map((s) => s.status)).toEqual(statuses);
  });

  it('says which steps wait for a person', () => {
    expect(canaryStages(rollout()).map((s) => `${s.label} ${s.detail}`)).toEqual(['Step 1: 10% for 2 s', 'Step 2: 50% waits for a person', 'Step 3: 100% for 5 s']);
  });
});

describe('blueGreenStages', () => {
  const bg = (over: Partial<Rollout>) => rollout({ strategy: 'blue-green', spec: { strategy: 'blue-green', scaleDownDelaySeconds: 600 }, ...over });
  const now = Date.parse('2026-01-01T00:10:00.000Z');
  it.each([
    ['warming while starting', bg({ phase: 'starting' }), ['current', 'pending', 'pending', 'pending']],
    ['preview while progressing', bg({ phase: 'progressing' }), ['done', 'current', 'pending', 'pending']],
    ['standby until scale-down', bg({ phase: 'succeeded', scaleDownAt: '2026-01-01T00:15:00.000Z' }), ['done', 'done', 'done', 'current']],
    ['all done after scale-down', bg({ phase: 'succeeded', scaleDownAt: '2026-01-01T00:05:00.000Z' }), ['done', 'done', 'done', 'done']],
    ['stopped at warming when never ready', bg({ phase: 'aborted', reason: 'CandidateNotReady' }), ['stopped', 'skipped', 'skipped', 'skipped']],
  ])('%s', (_case, r, statuses) => {
    expect(blueGreenStages(r, now).map((s) => s.status)).toEqual(statuses);
  });
});
