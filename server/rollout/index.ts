/** Rollouts: start, act on, roll back and read; the controller drives them in between. */
import type { Rest } from '../common/bind';
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

/** Rollouts: `rollouts.start | list | get | act | rollback`; a change of desired state reconciles at once. */
export function createRollouts(deps: ServiceDeps, hooks: RolloutHooks) {
  const changing =
    <A extends unknown[], R>(verb: (deps: ServiceDeps, ...args: A) => R) =>
    (...args: A): R => {
      const result = verb(deps, ...args);
      hooks.changed();
      return result;
    };
  return {
    start: changing(startRollout),
    list: (endpoint: Rest<typeof listRollouts>[0]) => listRollouts(deps, endpoint, 50, hooks.shadowTotals),
    get: (id: Rest<typeof getRollout>[0]) => getRollout(deps, id, hooks.shadowTotals),
    act: changing(actOnRollout),
    rollback: changing(rollbackEndpoint),
  };
}
