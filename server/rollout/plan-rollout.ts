/**
 * The rollout planner: one pure step of the controller's reconcile. Given the persisted rollout,
 * what the supervisor observes of the candidate, a fresh analysis check (when one was due) and
 * `nowMs`, it returns the next persisted state, the events to record and the effects the shell
 * must carry out with it (a promotion switches the endpoint's stable version). The shell writes
 * what it is given. Timers are recomputed from stored times, so a restart continues where it was.
 */
import type { AnalysisCheck } from './analysis';
import type { RolloutEvent } from '../../protocol/rollout-vocabulary';
import type { RolloutPhase } from './phases';
import type { RolloutProgress, RolloutSpec } from './spec';

export interface RolloutState {
  phase: RolloutPhase;
  currentStep: number;
  weightPct: number;
  reason: string;
  message: string;
  progress: RolloutProgress;
}

export interface CandidateObservation {
  readyReplicas: number;
  wantedReplicas: number;
  /** Restarts of candidate replicas that never became ready, with the last error. */
  failedStarts: number;
  lastError?: string;
}

export interface PlanEvent {
  action: RolloutEvent;
  message: string;
}

/** What the shell does besides writing the state, in the same transaction. */
export type RolloutEffect = { kind: 'switch-stable-version' };

export interface PlanResult {
  state: RolloutState;
  events: PlanEvent[];
  effects: RolloutEffect[];
}

const MAX_FAILED_STARTS = 3;

/** When the next analysis check is due, or undefined when the rollout runs none now. */
export function nextCheckAtMs(spec: RolloutSpec, state: RolloutState): number | undefined {
  if (!spec.analysis || (state.phase !== 'progressing' && state.phase !== 'paused')) return undefined;
  return state.progress.lastCheckAtMs + spec.analysis.intervalSeconds * 1000;
}

export function planRollout(spec: RolloutSpec, state: RolloutState, candidate: CandidateObservation, check: AnalysisCheck | undefined, nowMs: number): PlanResult {
  const s: RolloutState = { ...state, progress: { ...state.progress } };
  const events: PlanEvent[] = [];

  if (s.phase === 'starting') {
    const needed = spec.strategy === 'blue-green' ? candidate.wantedReplicas : 1;
    if (candidate.readyReplicas >= needed && needed > 0) {
      s.phase = 'progressing';
      s.reason = 'CandidateReady';
      s.message = `candidate ready (${candidate.readyReplicas} replica${candidate.readyReplicas === 1 ? '' : 's'})`;
      s.progress.stepStartedAtMs = nowMs;
      s.progress.lastCheckAtMs = nowMs;
      s.weightPct = spec.strategy === 'canary' ? (spec.steps[0]?.weightPct ?? 0) : 0;
      events.push({ action: 'rollout.progressing', message: spec.strategy === 'canary' ? `step 1 at ${s.weightPct}%` : s.message });
      return { state: s, events, effects: [] };
    }
    const timedOut = nowMs - s.progress.startedAtMs > spec.readyTimeoutSeconds * 1000;
    if (candidate.failedStarts >= MAX_FAILED_STARTS || timedOut) {
      const why = candidate.lastError ?? (timedOut ? `not ready within ${spec.readyTimeoutSeconds} s` : 'candidate failed to start');
      return abort(s, events, 'CandidateNotReady', `candidate never became ready: ${why}`);
    }
    return { state: s, events, effects: [] };
  }

  if (s.phase !== 'progressing' && s.phase !== 'paused') return { state: s, events, effects: [] };

  if (check) {
    s.progress.lastCheckAtMs = nowMs;
    s.progress.lastVerdict = check.verdict;
    if (check.verdict === 'fail') {
      s.progress.failedChecks++;
      events.push({ action: 'rollout.analysis-failed', message: `check ${s.progress.failedChecks} failed: ${check.summary}` });
      if (s.progress.failedChecks > (spec.analysis?.failureLimit ?? 0)) return abort(s, events, 'AnalysisFailed', check.summary);
    }
  }
  if (s.phase === 'paused') return { state: s, events, effects: [] };

  const gatePassed = !spec.analysis || s.progress.lastVerdict === 'pass';
  if (spec.strategy === 'canary') {
    const step = spec.steps[s.currentStep];
    if (!step || step.pauseSeconds === undefined) return { state: s, events, effects: [] };
    if (nowMs < s.progress.stepStartedAtMs + step.pauseSeconds * 1000 || !gatePassed) return { state: s, events, effects: [] };
    return advance(spec, s, events, nowMs);
  }
  if (spec.strategy === 'blue-green' && spec.autoPromotionSeconds !== undefined) {
    if (nowMs >= s.progress.stepStartedAtMs + spec.autoPromotionSeconds * 1000 && gatePassed) {
      return promote(spec, s, events, 'AutoPromoted', `promoted after ${spec.autoPromotionSeconds} s`, nowMs);
    }
  }
  return { state: s, events, effects: [] };
}

/** Moves a canary to its next step, or promotes after the last one. */
export function advance(spec: RolloutSpec, s: RolloutState, events: PlanEvent[], nowMs: number): PlanResult {
  if (spec.strategy !== 'canary') return promote(spec, s, events, 'Promoted', 'promoted', nowMs);
  const next = s.currentStep + 1;
  if (next >= spec.steps.length) return promote(spec, s, events, 'StepsCompleted', `all ${spec.steps.length} steps completed`, nowMs);
  s.currentStep = next;
  s.weightPct = spec.steps[next]!.weightPct;
  s.progress.stepStartedAtMs = nowMs;
  s.progress.lastVerdict = undefined;
  s.reason = 'StepAdvanced';
  s.message = `step ${next + 1} of ${spec.steps.length} at ${s.weightPct}%`;
  events.push({ action: 'rollout.step', message: s.message });
  return { state: s, events, effects: [] };
}

/**
 * The candidate becomes stable: the rollout has succeeded, and after blue-green the previous
 * version stays warm for `scaleDownDelaySeconds`, during which a rollback only swaps routing.
 */
export function promote(spec: RolloutSpec, s: RolloutState, events: PlanEvent[], reason: string, message: string, nowMs: number): PlanResult {
  const keepWarmSeconds = spec.strategy === 'blue-green' ? spec.scaleDownDelaySeconds : 0;
  s.phase = 'succeeded';
  s.weightPct = 100;
  s.reason = reason;
  s.message = message;
  s.progress.scaleDownAtMs = nowMs + keepWarmSeconds * 1000;
  events.push({ action: 'rollout.promoted', message: keepWarmSeconds > 0 ? `${message}; the previous version stays warm ${keepWarmSeconds} s for rollback` : message });
  return { state: s, events, effects: [{ kind: 'switch-stable-version' }] };
}

export function abort(s: RolloutState, events: PlanEvent[], reason: string, message: string): PlanResult {
  s.phase = 'aborted';
  s.weightPct = 0;
  s.reason = reason;
  s.message = message;
  events.push({ action: 'rollout.aborted', message: `${reason}: ${message}` });
  return { state: s, events, effects: [] };
}
