/** `GET /api/v1/endpoints/{endpoint}/scaling`: the policy, the current decision, replica samples and scaling events. */
import { and, asc, eq, gte } from 'drizzle-orm';
import { auditEvents, endpointScales, endpoints, runtimeInstances } from '../../db/schema';
import { auditTarget } from '../audit';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { RuntimeConfig } from '../endpoints/schemas';
import type { ReplicaSample } from './autoscaler';
import { SCALE_REASONS, type ScaleReason } from './defaults';
import { effectiveReplicas } from './scaled-replicas';
import { HeldBack, ScalingEvent, type ScalingStatus } from './schemas';

const EVENTS_WINDOW_MS = 3_600_000;
const MAX_EVENTS = 500;

export function scalingStatus(deps: ServiceDeps, endpoint: string, samples: (endpoint: string) => ReplicaSample[]): ScalingStatus {
  const row = deps.db.select().from(endpoints).where(eq(endpoints.name, endpoint)).get();
  if (!row) throw new AppError('NOT_FOUND', `Endpoint "${endpoint}" not found`);
  const config = RuntimeConfig.parse(row.config);
  const scale = deps.db.select().from(endpointScales).where(eq(endpointScales.endpointId, row.id)).get();
  const ready = deps.db
    .select({ id: runtimeInstances.id })
    .from(runtimeInstances)
    .where(and(eq(runtimeInstances.endpointId, row.id), eq(runtimeInstances.versionId, row.versionId), eq(runtimeInstances.state, 'ready')))
    .all().length;
  const sinceMs = deps.now().getTime() - EVENTS_WINDOW_MS;
  const events = deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.target, auditTarget.endpoint(endpoint)), eq(auditEvents.action, 'endpoint.scale'), gte(auditEvents.at, new Date(sinceMs))))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .limit(MAX_EVENTS)
    .all()
    .flatMap((e) => {
      const d = e.details;
      const parsed = ScalingEvent.safeParse({ t: e.at.getTime(), fromReplicas: d.fromReplicas, toReplicas: d.toReplicas, reason: d.reason, metric: d.metric, value: d.value ?? null, target: d.target });
      return parsed.success ? [parsed.data] : [];
    });
  const policy = config.autoscaling ?? null;
  const heldBack = HeldBack.safeParse(scale?.heldBack);
  return {
    endpoint,
    policy,
    desiredReplicas: effectiveReplicas(config, scale?.replicas),
    readyReplicas: ready,
    reason: policy && scale && isReason(scale.reason) ? scale.reason : 'steady',
    metricValue: policy ? (scale?.metricValue ?? null) : null,
    heldBack: policy && heldBack.success ? heldBack.data : null,
    lastColdStartMs: scale?.lastColdStartMs ?? null,
    samples: samples(endpoint),
    events,
  };
}

function isReason(s: string): s is ScaleReason {
  return (SCALE_REASONS as readonly string[]).includes(s);
}
