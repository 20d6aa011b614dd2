import type { ServiceDeps } from '../deps';
import { applyAction, type RolloutAction } from './apply-action';
import { commitPlan, requireRollout, specOf, stateOf, toRollout } from './internal';
import type { Rollout } from './schemas';

/** pause | resume | promote | abort: an illegal action in the current phase is a 409 naming it. */
export function actOnRollout(deps: ServiceDeps, id: number, action: RolloutAction, actor: string): Rollout {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = requireRollout(tx, id);
    const result = applyAction(specOf(row), stateOf(row), action, actor, now.getTime());
    return toRollout(tx, commitPlan(tx, row, result, actor, now));
  });
}
