/**
 * Writes what the autoscaler decided: the endpoint's row in `endpoint_scales` and, for a change of
 * count, one audit event by `system` with the figure that caused it, in one transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { endpointScales } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ScaleReason } from './defaults';
import type { AutoscalingPolicy, HeldBack } from './schemas';

export interface ScaleRecord {
  endpointId: number;
  endpoint: string;
  fromReplicas: number;
  replicas: number;
  reason: ScaleReason;
  metricValue: number | null;
  heldBack: HeldBack | null;
  lastColdStartMs: number | null;
  policy: AutoscalingPolicy;
}

export function saveScale(db: Db, r: ScaleRecord, at: Date): void {
  db.transaction((tx) => {
    const row = { replicas: r.replicas, reason: r.reason, metricValue: r.metricValue, heldBack: r.heldBack, lastColdStartMs: r.lastColdStartMs, updatedAt: at };
    const changed = r.fromReplicas !== r.replicas;
    const existing = tx.select({ changedAt: endpointScales.changedAt }).from(endpointScales).where(eq(endpointScales.endpointId, r.endpointId)).get();
    if (existing) tx.update(endpointScales).set({ ...row, ...(changed && { changedAt: at }) }).where(eq(endpointScales.endpointId, r.endpointId)).run();
    else tx.insert(endpointScales).values({ endpointId: r.endpointId, ...row, changedAt: at }).run();
    if (!changed) return;
    recordAudit(tx, {
      actor: 'system',
      action: 'endpoint.scale',
      target: auditTarget.endpoint(r.endpoint),
      details: {
        fromReplicas: r.fromReplicas,
        toReplicas: r.replicas,
        reason: r.reason,
        metric: r.policy.metric,
        value: r.metricValue,
        target: r.policy.target,
        ...(r.heldBack && { heldBack: r.heldBack }),
        message: `${r.fromReplicas} → ${r.replicas} replicas (${r.reason}${r.metricValue !== null ? `, ${r.policy.metric} ${round(r.metricValue)} against ${r.policy.target}` : ''})`,
      },
      at,
    });
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
