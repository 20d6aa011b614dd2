/** Which person's action each phase accepts: see protocol/rollout-vocabulary.ts. */
export { ACTION_PHASES, ROLLOUT_ACTIONS, type RolloutAction } from '../../protocol/rollout-vocabulary';
