import { asc, eq } from 'drizzle-orm';
import { modelVersions, runtimeInstances } from '../../db/schema';
import { iso, isoOrNull } from '../common/time';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from '../endpoints/internal';
import type { ReplicaList } from './schemas';

/** The replicas table of an endpoint, as the supervisor last recorded it. */
export function listReplicas(deps: ServiceDeps, endpointName: string): ReplicaList {
  const endpoint = requireEndpointRow(deps.db, endpointName);
  const rows = deps.db
    .select({ r: runtimeInstances, version: modelVersions.version })
    .from(runtimeInstances)
    .innerJoin(modelVersions, eq(modelVersions.id, runtimeInstances.versionId))
    .where(eq(runtimeInstances.endpointId, endpoint.id))
    .orderBy(asc(modelVersions.version), asc(runtimeInstances.replica))
    .all();
  return {
    items: rows.map(({ r, version }) => ({
      version,
      replica: r.replica,
      pid: r.pid,
      state: r.state,
      restarts: r.restarts,
      lastError: r.lastError,
      lastHealthyAt: isoOrNull(r.lastHealthyAt),
      updatedAt: iso(r.updatedAt),
    })),
  };
}
