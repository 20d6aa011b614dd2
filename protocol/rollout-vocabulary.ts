/**
 * The rollout vocabulary: strategies, phases and their predicates, the actions a person may take
 * in each phase, and the audit event names. Plain data, no zod and no imports, so db/, server/,
 * app/ (client bundles included) and e2e/ all read this one copy.
 */
export const ROLLOUT_STRATEGIES = ['shadow', 'canary', 'blue-green'] as const;
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

export const ROLLOUT_PHASES = ['starting', 'progressing', 'paused', 'succeeded', 'aborted', 'rolled-back'] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

/** Phases in which a rollout holds the endpoint (at most one such rollout per endpoint). */
export const ACTIVE_PHASES: readonly RolloutPhase[] = ['starting', 'progressing', 'paused'];
/** Phases in which the candidate takes traffic (a canary share, preview or mirror). */
export const ROUTED_PHASES: readonly RolloutPhase[] = ['progressing', 'paused'];
/** Phases after which nothing changes but a rollback of the latest success. */
export const TERMINAL_PHASES: readonly RolloutPhase[] = ['succeeded', 'aborted', 'rolled-back'];

export const isActivePhase = (phase: RolloutPhase): boolean => ACTIVE_PHASES.includes(phase);
export const isTerminalPhase = (phase: RolloutPhase): boolean => TERMINAL_PHASES.includes(phase);
export const isRoutedPhase = (phase: RolloutPhase): boolean => ROUTED_PHASES.includes(phase);

export const ROLLOUT_ACTIONS = ['pause', 'resume', 'promote', 'abort'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

/** Which person's action each phase accepts: the API and the dashboard's buttons read this table. */
export const ACTION_PHASES: Record<RolloutAction, readonly RolloutPhase[]> = {
  pause: ['starting', 'progressing'],
  resume: ['paused', 'progressing'],
  promote: ['progressing', 'paused'],
  abort: ['starting', 'progressing', 'paused'],
};

/** Audit actions a rollout records (`rollout.start` by a person, the rest by the controller or a person). */
export const ROLLOUT_EVENTS = [
  'rollout.start',
  'rollout.progressing',
  'rollout.step',
  'rollout.paused',
  'rollout.resumed',
  'rollout.analysis-failed',
  'rollout.promoted',
  'rollout.aborted',
  'rollout.scaled-down',
  'rollout.rolled-back',
] as const;
export type RolloutEvent = (typeof ROLLOUT_EVENTS)[number];
