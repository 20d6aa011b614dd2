/**
 * Auto sizing over the endpoints table: one plan for every endpoint on the host, read by the
 * supervisor (what each runtime is launched with) and by the API (what `auto` came to). The
 * budget is shared over each endpoint's replica ceiling (an autoscaled endpoint's `maxReplicas`),
 * so a replica's size does not change, and no runtime restarts, when only the count moves.
 */
import type { DbOrTx } from '../../db/client';
import { endpoints } from '../../db/schema';
import { RuntimeConfig, type EffectiveSizing as EffectiveSizingWire } from '../endpoints/schemas';
import type { HostResources } from './host-resources';
import { planSizing, type EffectiveSizing, type SizingPlan, type SizingRequest } from './plan-sizing';

/** What one runtime process is launched with: the endpoint's config with `auto` resolved. */
export type SizedConfig = Omit<RuntimeConfig, 'instances' | 'intraOpThreads'> & {
  instances: number;
  intraOpThreads: number;
  intraOpSpinning: boolean;
};

type SizingFields = Pick<RuntimeConfig, 'device' | 'instances' | 'intraOpThreads' | 'replicas'> & { autoscaling?: { maxReplicas: number } };

export function sizingRequestOf(key: string, config: SizingFields): SizingRequest {
  const replicas = Math.max(1, config.autoscaling?.maxReplicas ?? config.replicas);
  return { key, device: config.device, instances: config.instances, intraOpThreads: config.intraOpThreads, replicas };
}

/** One synchronous read of every endpoint's config; rows that no longer parse are left out. */
export function sizeEndpoints(db: DbOrTx, host: Pick<HostResources, 'cpus' | 'gpus'>): SizingPlan {
  const requests: SizingRequest[] = [];
  for (const row of db.select({ name: endpoints.name, config: endpoints.config }).from(endpoints).all()) {
    const parsed = RuntimeConfig.safeParse(row.config);
    if (parsed.success) requests.push(sizingRequestOf(row.name, parsed.data));
  }
  return planSizing(host, requests);
}

export function sizedConfig(config: RuntimeConfig, sizing: EffectiveSizing | undefined): SizedConfig {
  // Absent only for an endpoint created after the plan was read: its next tick sizes it.
  const s = sizing ?? { instances: 1, intraOpThreads: 1, intraOpSpinning: false, coresPerReplica: 1 };
  return { ...config, instances: s.instances, intraOpThreads: s.intraOpThreads, intraOpSpinning: s.intraOpSpinning };
}

/** The API's view of one endpoint's sizing. */
export function effectiveSizingOf(plan: SizingPlan, endpoint: string): EffectiveSizingWire | undefined {
  const s = plan.byKey.get(endpoint);
  if (!s) return undefined;
  return { instances: s.instances, intraOpThreads: s.intraOpThreads, intraOpSpinning: s.intraOpSpinning, hostCpus: plan.hostCpus, hostGpus: plan.hostGpus };
}
