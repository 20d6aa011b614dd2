/**
 * Where each version of a model runs and how it got there: endpoints serving it as stable, active
 * rollouts trying it as candidate, and every rollout that had it as candidate (newest first).
 */
import { isActivePhase } from '../../../../../protocol/rollout-vocabulary';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import type { Endpoint } from '../../../../_lib/types';

export interface VersionDeployment {
  version: number;
  stableOn: string[];
  candidateOn: Rollout[];
  history: Rollout[];
}

export function versionDeployments(model: string, versions: readonly number[], endpoints: readonly Endpoint[], rollouts: readonly Rollout[]): VersionDeployment[] {
  const ours = endpoints.filter((e) => e.model === model);
  const candidates = rollouts.filter((r) => r.model === model);
  const newestFirst = (a: Rollout, b: Rollout) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
  return [...versions]
    .sort((a, b) => b - a)
    .map((version) => {
      const history = candidates.filter((r) => r.candidateVersion === version).sort(newestFirst);
      return {
        version,
        stableOn: ours.filter((e) => e.version === version).map((e) => e.name).sort(),
        candidateOn: history.filter((r) => isActivePhase(r.phase)),
        history,
      };
    });
}
