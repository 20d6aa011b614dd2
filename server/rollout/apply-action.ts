/**
 * What a person's action does to a rollout. Pure: an illegal action in the current phase is a
 * CONFLICT naming that phase (409), never a silent no-op or a 500.
 */
import { AppError } from '../errors';
import { abort, advance, promote, type PlanResult, type RolloutState } from './plan-rollout';
import { ACTION_PHASES, ROLLOUT_ACTIONS, type RolloutAction } from './action-phases';
import type { RolloutSpec } from './spec';

export { ROLLOUT_ACTIONS, type RolloutAction };

export function applyAction(spec: RolloutSpec, state: RolloutState, action: RolloutAction, actor: string, nowMs: number): PlanResult {
  if (!ACTION_PHASES[action].includes(state.phase)) {
    throw new AppError('CONFLICT', `cannot ${action} a rollout that is ${state.phase}`);
  }
  const s: RolloutState = { ...state, progress: { ...state.progress } };
  switch (action) {
    case 'pause':
      s.phase = 'paused';
      s.reason = 'PausedByUser';
      s.message = `paused by ${actor}`;
      return { state: s, events: [{ action: 'rollout.paused', message: s.message }], effects: [] };
    case 'resume': {
      if (s.phase === 'paused') {
        s.phase = s.progress.stepStartedAtMs > 0 ? 'progressing' : 'starting';
        s.reason = 'ResumedByUser';
        s.message = `resumed by ${actor}`;
        // The step's pause counts from the resume, as time spent paused was not observed.
        s.progress.stepStartedAtMs = nowMs;
        return { state: s, events: [{ action: 'rollout.resumed', message: s.message }], effects: [] };
      }
      // Progressing: only a canary step that waits for a person can be resumed past.
      const step = spec.strategy === 'canary' ? spec.steps[s.currentStep] : undefined;
      if (!step || step.pauseSeconds !== undefined) throw new AppError('CONFLICT', `cannot resume a rollout that is ${state.phase} and not waiting for a person`);
      return advance(spec, s, [{ action: 'rollout.resumed', message: `resumed by ${actor}` }], nowMs);
    }
    case 'promote':
      return promote(spec, s, [], 'PromotedByUser', `promoted by ${actor}`, nowMs);
    case 'abort':
      return abort(s, [], 'AbortedByUser', `aborted by ${actor}`);
  }
}
