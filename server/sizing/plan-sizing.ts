/**
 * Auto sizing: what `instances: 'auto'` and `intraOpThreads: 'auto'` mean on this host. Pure.
 * Runtimes with fixed numbers take their cores first; auto-sized ones share the rest equally per
 * replica (at least one core each). A CPU share is split into at most two instances (one batch
 * forms while the other runs; more instances only add contention) and threads for the rest.
 * On CUDA, auto is one instance per GPU with one CPU thread each, as Triton does.
 * Spin-waiting stays on only while every thread on the host has a core of its own, with one core
 * left for the gateway and the runtimes' event loops: a spinning thread steals a shared core.
 */
import type { Device } from '../endpoints/defaults';
import type { HostResources } from './host-resources';

export type SizeSetting = number | 'auto';

export interface SizingRequest {
  /** The endpoint: every version it runs (stable, canary, handoff) gets the same size. */
  key: string;
  device: Device;
  instances: SizeSetting;
  intraOpThreads: SizeSetting;
  /** Replicas the budget is shared over; extras for rollouts run on top and are not counted. */
  replicas: number;
}

export interface EffectiveSizing {
  instances: number;
  intraOpThreads: number;
  /** ONNX Runtime's `session.intra_op.allow_spinning`. */
  intraOpSpinning: boolean;
  /** Cores one replica uses (instances × threads on CPU; 0 on a GPU). */
  coresPerReplica: number;
}

export interface SizingPlan {
  byKey: Map<string, EffectiveSizing>;
  hostCpus: number;
  hostGpus: number;
  /** Cores fixed-size runtimes hold; auto-sized ones share `hostCpus − fixedCores`. */
  fixedCores: number;
  /** Cores all runtimes use once sized (may exceed the host only when fixed sizes do). */
  usedCores: number;
}

/** Triton's rule of thumb with a 2-instance ceiling: overlap beats extra instances fighting for cores. */
const MAX_AUTO_CPU_INSTANCES = 2;

const threadsOf = (t: number, cpus: number) => (t === 0 ? cpus : t); // 0: ORT's own default, one per core

export function planSizing(host: Pick<HostResources, 'cpus' | 'gpus'>, requests: readonly SizingRequest[]): SizingPlan {
  const cpus = Math.max(1, host.cpus);
  const gpus = host.gpus.length;
  const isAuto = (r: SizingRequest) => r.instances === 'auto' || r.intraOpThreads === 'auto';
  const onCpu = requests.filter((r) => r.device === 'cpu');
  let fixedCores = 0;
  let autoReplicas = 0;
  for (const r of onCpu) {
    if (isAuto(r)) autoReplicas += r.replicas;
    else fixedCores += r.replicas * (r.instances as number) * threadsOf(r.intraOpThreads as number, cpus);
  }
  const sharePerReplica = autoReplicas === 0 ? 0 : Math.max(1, Math.floor(Math.max(0, cpus - fixedCores) / autoReplicas));

  const sized = new Map<string, Omit<EffectiveSizing, 'intraOpSpinning'>>();
  for (const r of requests) {
    if (r.device === 'cuda') {
      const instances = r.instances === 'auto' ? Math.max(1, gpus) : r.instances;
      const threads = r.intraOpThreads === 'auto' ? 1 : r.intraOpThreads;
      sized.set(r.key, { instances, intraOpThreads: threads, coresPerReplica: 0 });
      continue;
    }
    let instances: number;
    let threads: number;
    if (r.instances === 'auto' && r.intraOpThreads === 'auto') {
      instances = Math.min(MAX_AUTO_CPU_INSTANCES, sharePerReplica);
      threads = Math.max(1, Math.floor(sharePerReplica / instances));
    } else if (r.instances === 'auto') {
      threads = threadsOf(r.intraOpThreads as number, cpus);
      instances = Math.max(1, Math.floor(sharePerReplica / threads));
    } else if (r.intraOpThreads === 'auto') {
      instances = r.instances;
      threads = Math.max(1, Math.floor(sharePerReplica / instances));
    } else {
      instances = r.instances;
      threads = r.intraOpThreads;
    }
    sized.set(r.key, { instances, intraOpThreads: threads, coresPerReplica: instances * threadsOf(threads, cpus) });
  }

  let usedCores = 0;
  for (const r of onCpu) usedCores += r.replicas * (sized.get(r.key)?.coresPerReplica ?? 0);
  const spinning = usedCores <= cpus - 1;
  const byKey = new Map<string, EffectiveSizing>();
  for (const [key, s] of sized) byKey.set(key, { ...s, intraOpSpinning: spinning });
  return { byKey, hostCpus: cpus, hostGpus: gpus, fixedCores, usedCores };
}

/** Cores a scratch runtime (the tuner's) may use: what fixed-size runtimes leave; auto-sized ones share. */
export function scratchCores(plan: SizingPlan): number {
  return Math.max(0, plan.hostCpus - plan.fixedCores);
}
