/** Rollout phases and strategies: one `as const` list each, shared by the schema, zod and the planner. */
export const ROLLOUT_STRATEGIES = ['shadow', 'canary', 'blue-green'] as const;
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

export const ROLLOUT_PHASES = ['starting', 'progressing', 'paused', 'promoting', 'succeeded', 'aborted', 'rolled-back'] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

/** Phases in which a rollout holds the endpoint (at most one such rollout per endpoint). */
export const ACTIVE_PHASES: readonly RolloutPhase[] = ['starting', 'progressing', 'paused', 'promoting'];

export function isActive(phase: RolloutPhase): boolean {
  return ACTIVE_PHASES.includes(phase);
}
