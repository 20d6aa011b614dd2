/**
 * How many replicas an endpoint's stable version runs: `replicas` when it has no policy, else the
 * autoscaler's persisted count (within the policy's bounds; before its first decision, the fixed
 * count clamped into them). Read by the desired state and the rollout view alike.
 */
import type { DbOrTx } from '../../db/client';
import { endpointScales } from '../../db/schema';

export function scaledReplicasByEndpoint(db: DbOrTx): Map<number, number> {
  return new Map(db.select({ endpointId: endpointScales.endpointId, replicas: endpointScales.replicas }).from(endpointScales).all().map((r) => [r.endpointId, r.replicas]));
}

export function effectiveReplicas(config: { replicas: number; autoscaling?: { minReplicas: number; maxReplicas: number } }, scaled: number | undefined): number {
  const p = config.autoscaling;
  if (!p) return config.replicas;
  return Math.min(p.maxReplicas, Math.max(p.minReplicas, scaled ?? config.replicas));
}
