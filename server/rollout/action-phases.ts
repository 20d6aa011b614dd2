/**
 * Which person's action each rollout phase accepts. Plain data (no zod, no errors) so the
 * dashboard enables exactly the buttons the API would accept, from the same table.
 */
export const ROLLOUT_ACTIONS = ['pause', 'resume', 'promote', 'abort'] as const;
export type RolloutAction = (typeof ROLLOUT_ACTIONS)[number];

export const ACTION_PHASES: Record<RolloutAction, readonly string[]> = {
  pause: ['starting', 'progressing'],
  resume: ['paused', 'progressing'],
  promote: ['progressing', 'paused'],
  abort: ['starting', 'progressing', 'paused'],
};
