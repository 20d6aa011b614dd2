/**
 * Builds the gateway's routing table from what runs and what rollouts want. Pure.
 * When an endpoint's stable version has no ready replica yet (a version change or a rollback
 * after scale-down), the version that served before keeps serving: `handoff` names it.
 */
import { COLD_START_DEFAULTS } from '../../protocol/dataplane';
import type { EndpointRoutes, ReplicaAddress, RoutingTable } from '../gateway/routing-table';
import type { DesiredVersion } from '../supervisor/desired-state';

export type RouteOverlay = Pick<EndpointRoutes, 'canary' | 'preview' | 'shadow'>;

export function servingVersion(stable: number, ready: ReadonlyMap<number, ReplicaAddress[]> | undefined, handoff: number | undefined): number {
  if ((ready?.get(stable)?.length ?? 0) > 0 || handoff === undefined) return stable;
  return (ready?.get(handoff)?.length ?? 0) > 0 ? handoff : stable;
}

export function buildRoutingTable(
  desired: readonly DesiredVersion[],
  ready: ReadonlyMap<string, ReadonlyMap<number, ReplicaAddress[]>>,
  overlays: ReadonlyMap<string, RouteOverlay>,
  handoff: ReadonlyMap<string, number>,
): RoutingTable {
  const table: RoutingTable = new Map();
  for (const d of desired) {
    if (!d.stable) continue;
    const byVersion = ready.get(d.endpoint);
    const replicas = new Map<number, ReplicaAddress[]>();
    for (const [version, list] of byVersion ?? []) if (list.length > 0) replicas.set(version, list);
    table.set(d.endpoint, {
      endpoint: d.endpoint,
      stableVersion: servingVersion(d.version, byVersion, handoff.get(d.endpoint)),
      replicas,
      ...overlays.get(d.endpoint),
      // With no replica to keep warm, requests wait at the gateway while one starts.
      ...(d.config.autoscaling?.minReplicas === 0 && { coldStart: COLD_START_DEFAULTS }),
    });
  }
  return table;
}
