/** Rollouts: start, act on, roll back and read; the controller drives them in between. */
import type { Services } from '../context';
import type { ServiceDeps } from '../deps';
import { actOnRollout } from './act-on-rollout';
import { getRollout, listRollouts, type ShadowTotalsOf } from './read-rollouts';
import { rollbackEndpoint } from './rollback';
import { startRollout } from './start-rollout';

export { actOnRollout, getRollout, listRollouts, rollbackEndpoint, startRollout };
export { RolloutController } from './controller';

export interface RolloutHooks {
  /** Desired state changed: reconcile now rather than at the next tick. */
  changed(): void;
  shadowTotals?: ShadowTotalsOf;
}

export function createRollouts(deps: ServiceDeps, hooks: RolloutHooks): Services['rollouts'] {
  const after = <T>(value: T): T => {
    hooks.changed();
    return value;
  };
  return {
    start: (endpoint, input, actor) => after(startRollout(deps, endpoint, input, actor)),
    list: (endpoint) => listRollouts(deps, endpoint, 50, hooks.shadowTotals),
    get: (id) => getRollout(deps, id, hooks.shadowTotals),
    act: (id, action, actor) => after(actOnRollout(deps, id, action, actor)),
    rollback: (endpoint, actor) => after(rollbackEndpoint(deps, endpoint, actor)),
  };
}
