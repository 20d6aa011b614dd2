/** The rollout vocabulary lives in protocol/rollout-vocabulary.ts (one copy for db, server, app, e2e). */
export {
  ACTIVE_PHASES,
  isActivePhase as isActive,
  ROLLOUT_PHASES,
  ROLLOUT_STRATEGIES,
  TERMINAL_PHASES,
  type RolloutPhase,
  type RolloutStrategy,
} from '../../protocol/rollout-vocabulary';
