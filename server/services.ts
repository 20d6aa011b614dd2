/**
 * Builds the one `Services` instance from its dependencies; the composition root registers it.
 * Its return type is `Services`: each method's type is its verb's own. One naming rule: services
 * are grouped by the resource they act on, and a method names the action alone
 * (`models.create`, `versions.register`, `tokens.revoke`, `rollouts.act`).
 */
import { listAudit } from './audit';
import type { AuditQuery } from './audit/schemas';
import { createAuth, createTokens } from './auth';
import type { ReplicaSample } from './autoscaling/autoscaler';
import { scalingStatus } from './autoscaling/scaling-status';
import type { ServiceDeps } from './deps';
import { createEndpoints } from './endpoints';
import { createMetricsService, type MetricsService } from './metrics';
import { createModels, createVersions } from './registry';
import { createRollouts, type RolloutHooks } from './rollout';
import { readStorageStatus } from './storage/storage-status';
import { listReplicas } from './supervisor/list-replicas';
import { createTunings, type TuningRunner } from './tuning';

const NO_HOOKS: RolloutHooks = { changed: () => undefined };

/**
 * `metrics` defaults to a read side over an empty live store (rollups still read from the database);
 * `replicaSamples` to none (the autoscaler keeps them in memory).
 */
export function buildServices(
  deps: ServiceDeps,
  startedAt: Date = deps.now(),
  hooks: RolloutHooks = NO_HOOKS,
  metrics?: MetricsService,
  replicaSamples: (endpoint: string) => ReplicaSample[] = () => [],
  tuningRunner?: TuningRunner,
) {
  return {
    config: deps.config,
    startedAt,
    auth: createAuth(deps),
    tokens: createTokens(deps),
    models: createModels(deps),
    versions: createVersions(deps),
    endpoints: createEndpoints(deps),
    audit: { list: (q: AuditQuery) => listAudit(deps.db, q) },
    rollouts: createRollouts(deps, hooks),
    replicas: { list: (endpoint: string) => listReplicas(deps, endpoint) },
    tunings: createTunings(deps, tuningRunner, () => hooks.changed()),
    scaling: { status: (endpoint: string) => scalingStatus(deps, endpoint, replicaSamples) },
    storage: { status: () => readStorageStatus(deps.config.dataDir, deps.config.lowSpaceThresholdBytes) },
    metrics: metrics ?? createMetricsService(deps).service,
  };
}

export type Services = ReturnType<typeof buildServices>;
