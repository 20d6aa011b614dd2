/** Builds the one `Services` instance from its dependencies; the composition root registers it. */
import { listAudit } from './audit';
import { createAuth } from './auth';
import type { ReplicaSample } from './autoscaling/autoscaler';
import { scalingStatus } from './autoscaling/scaling-status';
import type { Services } from './context';
import type { ServiceDeps } from './deps';
import { createEndpoints } from './endpoints';
import { createMetricsService } from './metrics';
import { createRegistry } from './registry';
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
  metrics?: Services['metrics'],
  replicaSamples: (endpoint: string) => ReplicaSample[] = () => [],
  tuningRunner?: TuningRunner,
): Services {
  return {
    config: deps.config,
    startedAt,
    auth: createAuth(deps),
    registry: createRegistry(deps),
    endpoints: createEndpoints(deps),
    audit: { list: (q) => listAudit(deps.db, q) },
    rollouts: createRollouts(deps, hooks),
    replicas: { list: (endpoint) => listReplicas(deps, endpoint) },
    tunings: createTunings(deps, tuningRunner, () => hooks.changed()),
    scaling: { status: (endpoint) => scalingStatus(deps, endpoint, replicaSamples) },
    storage: { status: () => readStorageStatus(deps.config.dataDir, deps.config.lowSpaceThresholdBytes) },
    metrics: metrics ?? createMetricsService(deps).service,
  };
}
