/**
 * The host budget: every replica of every endpoint shares the host's cores (and GPUs), so the
 * autoscaler lets an endpoint grow only into what the others leave. Pure. A replica costs its
 * inference instances times their intra-op threads in cores (0 threads, ONNX Runtime's "all",
 * counts as one), and one GPU when it runs on `cuda`. Fixed endpoints and rollout candidates
 * count against the budget but are never held back by it.
 */
import type { DesiredVersion } from '../supervisor/desired-state';

export interface ReplicaCost {
  cores: number;
  gpus: number;
}

export interface HostBudget {
  cores: number;
  gpus: number;
}

/** Sizes still unresolved (`auto`) count as one. */
export function replicaCost(config: { instances: number | string; intraOpThreads: number | string; device: string }): ReplicaCost {
  const n = (v: number | string) => (typeof v === 'number' ? Math.max(1, v) : 1);
  return { cores: n(config.instances) * n(config.intraOpThreads), gpus: config.device === 'cuda' ? 1 : 0 };
}

/** What everything but `except` (an endpoint's stable version) costs. */
export function usedBy(desired: readonly DesiredVersion[], except?: { endpoint: string }): ReplicaCost {
  const used = { cores: 0, gpus: 0 };
  for (const d of desired) {
    if (except && d.stable && d.endpoint === except.endpoint) continue;
    const c = replicaCost(d.config);
    used.cores += c.cores * d.replicas;
    used.gpus += c.gpus * d.replicas;
  }
  return used;
}

/** Most replicas of `cost` that fit beside `used`. */
export function allowedReplicas(budget: HostBudget, used: ReplicaCost, cost: ReplicaCost): number {
  const byCores = cost.cores > 0 ? Math.floor((budget.cores - used.cores) / cost.cores) : Infinity;
  const byGpus = cost.gpus > 0 ? Math.floor((budget.gpus - used.gpus) / cost.gpus) : Infinity;
  return Math.max(0, Math.min(byCores, byGpus));
}
