import { describe, expect, it } from 'vitest';
import type { AnalysisCheck, AnalysisSpec } from './analysis';
import { applyAction } from './apply-action';
import { nextCheckAtMs, planRollout, type CandidateObservation, type RolloutState } from './plan-rollout';
import type { RolloutSpec } from './spec';

const analysis: AnalysisSpec = { intervalSeconds: 10, minRequests: 20, maxErrorRatePct: 1, maxP99LatencyRatio: 1.5, p99SlackMs: 5, minAgreementPct: 95, failureLimit: 1 };
const canary: RolloutSpec = { strategy: 'canary', steps: [{ weightPct: 10, pauseSeconds: 30 }, { weightPct: 50 }, { weightPct: 80, pauseSeconds: 10 }], stickyHeader: 'x-slipway-route-key', analysis, readyTimeoutSeconds: 60 };
const blueGreen: RolloutSpec = { strategy: 'blue-green', autoPromotionSeconds: 20, scaleDownDelaySeconds: 600, analysis: null, readyTimeoutSeconds: 60 };
const shadow: RolloutSpec = { strategy: 'shadow', mirrorPct: 50, tolerance: { atol: 1e-3, rtol: 0 }, analysis, readyTimeoutSeconds: 60 };

const state = (over: Partial<RolloutState> = {}, progress: Partial<RolloutState['progress']> = {}): RolloutState => ({
  phase: 'progressing',
  currentStep: 0,
  weightPct: 10,
  reason: '',
  message: '',
  ...over,
  progress: { startedAtMs: 0, stepStartedAtMs: 0, lastCheckAtMs: 0, failedChecks: 0, ...progress },
});
const ready: CandidateObservation = { readyReplicas: 1, wantedReplicas: 1, failedStarts: 0 };
const notReady: CandidateObservation = { readyReplicas: 0, wantedReplicas: 2, failedStarts: 0 };
const check = (verdict: AnalysisCheck['verdict']): AnalysisCheck => ({ atMs: 0, fromMs: 0, toMs: 0, verdict, metrics: [], summary: `verdict ${verdict}` });

describe('planRollout', () => {
  const cases: { name: string; spec: RolloutSpec; s: RolloutState; cand?: CandidateObservation; check?: AnalysisCheck; now: number; want: Partial<RolloutState>; progress?: Partial<RolloutState['progress']>; events?: string[]; promote?: boolean }[] = [
    { name: 'starting: waits for the candidate', spec: canary, s: state({ phase: 'starting', weightPct: 0 }), cand: notReady, now: 5_000, want: { phase: 'starting', weightPct: 0 }, events: [] },
    { name: 'starting: canary ready goes to step 1 weight', spec: canary, s: state({ phase: 'starting', weightPct: 0 }), now: 5_000, want: { phase: 'progressing', weightPct: 10, currentStep: 0 }, progress: { stepStartedAtMs: 5_000, lastCheckAtMs: 5_000 }, events: ['rollout.progressing'] },
    { name: 'starting: blue-green needs every replica ready', spec: blueGreen, s: state({ phase: 'starting', weightPct: 0 }), cand: { readyReplicas: 1, wantedReplicas: 2, failedStarts: 0 }, now: 5_000, want: { phase: 'starting' } },
    { name: 'starting: blue-green all ready progresses with weight 0', spec: blueGreen, s: state({ phase: 'starting', weightPct: 0 }), cand: { readyReplicas: 2, wantedReplicas: 2, failedStarts: 0 }, now: 5_000, want: { phase: 'progressing', weightPct: 0 } },
    { name: 'starting: repeated failed starts abort with the runtime error', spec: canary, s: state({ phase: 'starting' }), cand: { readyReplicas: 0, wantedReplicas: 1, failedStarts: 3, lastError: 'CUDA not available' }, now: 1_000, want: { phase: 'aborted', weightPct: 0, reason: 'CandidateNotReady', message: 'candidate never became ready: CUDA not available' }, events: ['rollout.aborted'] },
    { name: 'starting: ready timeout aborts', spec: canary, s: state({ phase: 'starting' }), cand: notReady, now: 60_001, want: { phase: 'aborted', reason: 'CandidateNotReady', message: 'candidate never became ready: not ready within 60 s' } },
    { name: 'canary: pause not over yet', spec: canary, s: state({}, { lastVerdict: 'pass' }), now: 29_999, want: { phase: 'progressing', currentStep: 0, weightPct: 10 } },
    { name: 'canary: pause over and analysis passed: next step', spec: canary, s: state({}, { lastVerdict: 'pass' }), now: 30_000, want: { currentStep: 1, weightPct: 50, reason: 'StepAdvanced' }, progress: { stepStartedAtMs: 30_000, lastVerdict: undefined }, events: ['rollout.step'] },
    { name: 'canary: pause over but inconclusive: stays (inconclusive is not a pass)', spec: canary, s: state({}, { lastVerdict: 'inconclusive' }), now: 90_000, want: { currentStep: 0, weightPct: 10 } },
    { name: 'canary: pause over, no check yet: stays', spec: canary, s: state(), now: 90_000, want: { currentStep: 0 } },
    { name: 'canary: a fresh passing check lets the step advance in the same pass', spec: canary, s: state(), check: check('pass'), now: 30_000, want: { currentStep: 1, weightPct: 50 }, events: ['rollout.step'] },
    { name: 'canary: step without pause waits for a person', spec: canary, s: state({ currentStep: 1, weightPct: 50 }, { lastVerdict: 'pass' }), now: 10_000_000, want: { currentStep: 1, weightPct: 50 }, events: [] },
    { name: 'canary: last step done promotes', spec: canary, s: state({ currentStep: 2, weightPct: 80 }, { lastVerdict: 'pass' }), now: 10_000, want: { phase: 'succeeded', weightPct: 100, reason: 'StepsCompleted' }, progress: { scaleDownAtMs: 10_000 }, events: ['rollout.promoted'], promote: true },
    { name: 'analysis failure within the limit is recorded, no abort', spec: canary, s: state(), check: check('fail'), now: 10_000, want: { phase: 'progressing', weightPct: 10 }, progress: { failedChecks: 1, lastVerdict: 'fail', lastCheckAtMs: 10_000 }, events: ['rollout.analysis-failed'] },
    { name: 'more failures than the limit abort: traffic back to stable', spec: canary, s: state({}, { failedChecks: 1 }), check: check('fail'), now: 20_000, want: { phase: 'aborted', weightPct: 0, reason: 'AnalysisFailed', message: 'verdict fail' }, events: ['rollout.analysis-failed', 'rollout.aborted'] },
    { name: 'paused: analysis still runs and can abort', spec: canary, s: state({ phase: 'paused' }, { failedChecks: 1 }), check: check('fail'), now: 20_000, want: { phase: 'aborted' } },
    { name: 'paused: does not advance', spec: canary, s: state({ phase: 'paused' }, { lastVerdict: 'pass' }), now: 1_000_000, want: { phase: 'paused', currentStep: 0 } },
    { name: 'blue-green: auto-promotion after its delay', spec: blueGreen, s: state({ weightPct: 0 }), now: 20_000, want: { phase: 'succeeded', weightPct: 100, reason: 'AutoPromoted' }, progress: { scaleDownAtMs: 20_000 + 600_000 }, events: ['rollout.promoted'], promote: true },
    { name: 'blue-green: before the delay stays in preview', spec: blueGreen, s: state({ weightPct: 0 }), now: 19_999, want: { phase: 'progressing' } },
    { name: 'shadow: waits for a person to promote', spec: shadow, s: state({ weightPct: 0 }, { lastVerdict: 'pass' }), now: 1_000_000, want: { phase: 'progressing' } },
    { name: 'terminal phases do not move', spec: canary, s: state({ phase: 'aborted', weightPct: 0 }), check: check('fail'), now: 1_000_000, want: { phase: 'aborted' }, events: [] },
  ];
  it.each(cases)('$name', ({ spec, s, cand = ready, check: c, now, want, progress, events, promote }) => {
    const result = planRollout(spec, s, cand, c, now);
    expect(result.state).toMatchObject(want);
    if (progress) expect(result.state.progress).toMatchObject(progress);
    if (events) expect(result.events.map((e) => e.action)).toEqual(events);
    expect(result.effects).toEqual(promote ? [{ kind: 'switch-stable-version' }] : []);
  });

  it('a blue-green promotion keeps the old version warm for its delay and says so', () => {
    const result = applyAction(blueGreen, state({ weightPct: 0 }), 'promote', 'alice', 1_000);
    expect(result.state).toMatchObject({ phase: 'succeeded', weightPct: 100 });
    expect(result.state.progress.scaleDownAtMs).toBe(601_000);
    expect(result.events).toEqual([{ action: 'rollout.promoted', message: 'promoted by alice; the previous version stays warm 600 s for rollback' }]);
    expect(result.effects).toEqual([{ kind: 'switch-stable-version' }]);
  });

  it('does not mutate its input', () => {
    const s = state({}, { lastVerdict: 'pass' });
    planRollout(canary, s, ready, check('fail'), 30_000);
    expect(s.progress.failedChecks).toBe(0);
    expect(s.currentStep).toBe(0);
  });
});

describe('nextCheckAtMs', () => {
  it.each([
    { name: 'progressing with analysis: last check + interval', spec: canary, s: state({}, { lastCheckAtMs: 5_000 }), want: 15_000 },
    { name: 'no analysis: none', spec: blueGreen, s: state(), want: undefined },
    { name: 'starting: none', spec: canary, s: state({ phase: 'starting' }), want: undefined },
  ])('$name', ({ spec, s, want }) => {
    expect(nextCheckAtMs(spec, s)).toBe(want);
  });
});

describe('applyAction', () => {
  it.each([
    { name: 'pause a progressing rollout', s: state(), action: 'pause' as const, want: { phase: 'paused', reason: 'PausedByUser', message: 'paused by alice' } },
    { name: 'resume a paused rollout restarts the step clock', s: state({ phase: 'paused' }, { stepStartedAtMs: 5 }), action: 'resume' as const, want: { phase: 'progressing' }, progress: { stepStartedAtMs: 1_000 } },
    { name: 'resume past a step that waits for a person', s: state({ currentStep: 1, weightPct: 50 }), action: 'resume' as const, want: { currentStep: 2, weightPct: 80 } },
    { name: 'promote skips the remaining steps', s: state(), action: 'promote' as const, want: { phase: 'succeeded', weightPct: 100, reason: 'PromotedByUser' }, progress: { scaleDownAtMs: 1_000 }, promote: true },
    { name: 'abort sends all traffic back', s: state({ weightPct: 50 }), action: 'abort' as const, want: { phase: 'aborted', weightPct: 0, message: 'aborted by alice' } },
    { name: 'abort while starting', s: state({ phase: 'starting' }), action: 'abort' as const, want: { phase: 'aborted' } },
  ])('$name', ({ s, action, want, progress, promote }) => {
    const result = applyAction(canary, s, action, 'alice', 1_000);
    expect(result.state).toMatchObject(want);
    if (progress) expect(result.state.progress).toMatchObject(progress);
    expect(result.effects).toEqual(promote ? [{ kind: 'switch-stable-version' }] : []);
  });

  it.each([
    { name: 'promote an aborted rollout', s: state({ phase: 'aborted' }), action: 'promote' as const, message: 'cannot promote a rollout that is aborted' },
    { name: 'pause a succeeded rollout', s: state({ phase: 'succeeded' }), action: 'pause' as const, message: 'cannot pause a rollout that is succeeded' },
    { name: 'promote while the candidate is starting', s: state({ phase: 'starting' }), action: 'promote' as const, message: 'cannot promote a rollout that is starting' },
    { name: 'resume a timed step', s: state(), action: 'resume' as const, message: 'cannot resume a rollout that is progressing and not waiting for a person' },
  ])('illegal: $name is a CONFLICT', ({ s, action, message }) => {
    expect(() => applyAction(canary, s, action, 'alice', 1_000)).toThrow(expect.objectContaining({ code: 'CONFLICT', message }));
  });
});
