import { eq } from 'drizzle-orm';
import { endpoints, modelVersions } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from '../endpoints/internal';
import { AppError } from '../errors';
import { latestRolloutOf, saveState, stateOf, toRollout } from './internal';
import type { Rollout } from './schemas';

/**
 * Returns an endpoint to the version its last promoted rollout replaced. Instant while that
 * version is still warm (blue-green's scale-down delay); otherwise the current version keeps
 * serving until the old one is ready again (the serving handoff).
 */
export function rollbackEndpoint(deps: ServiceDeps, endpointName: string, actor: string): Rollout {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const endpoint = requireEndpointRow(tx, endpointName);
    const last = latestRolloutOf(tx, endpoint.id);
    if (!last || last.phase !== 'succeeded') {
      throw new AppError('CONFLICT', last ? `The latest rollout (${last.id}) is ${last.phase}: there is no promotion to roll back` : `Endpoint "${endpointName}" has no promoted rollout to roll back`);
    }
    if (endpoint.versionId !== last.candidateVersionId) {
      throw new AppError('CONFLICT', `Endpoint "${endpointName}" no longer serves the version rollout ${last.id} promoted`);
    }
    const previous = tx.select({ version: modelVersions.version, status: modelVersions.status }).from(modelVersions).where(eq(modelVersions.id, last.stableVersionId)).get();
    if (!previous || previous.status !== 'ready') throw new AppError('CONFLICT', `The previous version is ${previous?.status ?? 'gone'} and cannot serve again`);
    tx.update(endpoints).set({ versionId: last.stableVersionId, updatedAt: now }).where(eq(endpoints.id, endpoint.id)).run();
    const state = { ...stateOf(last), phase: 'rolled-back' as const, weightPct: 0, reason: 'RolledBack', message: `rolled back to version ${previous.version} by ${actor}` };
    state.progress = { ...state.progress, scaleDownAtMs: undefined };
    const saved = saveState(tx, last, state, [{ action: 'rollout.rolled-back', message: state.message }], actor, now);
    return toRollout(tx, saved);
  });
}
