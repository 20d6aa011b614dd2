/**
 * What this host offers the runtimes: CPU cores (detected, or `SLIPWAY_HOST_CPUS`) and the GPUs
 * `nvidia-smi` lists. The one host-resources module: auto sizing, the tuner's room check and the
 * autoscaler's replica budget all read it. `parseNvidiaSmi` is pure; `detectHostResources` is
 * the shell, run once per process (nvidia-smi takes tens of ms and the answer does not change).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface GpuInfo {
  index: number;
  name: string;
  memoryMiB: number;
}

export interface HostResources {
  cpus: number;
  /** Where `cpus` came from, shown beside it so an override is never mistaken for the hardware. */
  cpusSource: 'detected' | 'SLIPWAY_HOST_CPUS';
  gpus: GpuInfo[];
}

/** The query nvidia-smi answers with one CSV line per GPU. */
export const NVIDIA_SMI_ARGS = ['--query-gpu=index,name,memory.total', '--format=csv,noheader,nounits'];

/** Lines that do not parse (a driver warning, "No devices were found") are skipped, not fatal. */
export function parseNvidiaSmi(output: string): GpuInfo[] {
  const gpus: GpuInfo[] = [];
  for (const line of output.split('\n')) {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3) continue;
    const [index, name, memory] = cells as [string, string, string];
    if (!/^\d+$/.test(index) || !/^\d+$/.test(memory) || !name) continue;
    gpus.push({ index: Number(index), name, memoryMiB: Number(memory) });
  }
  return gpus;
}

let cached: { key: string; host: HostResources } | undefined;

/** `hostCpus` is the config's override; GPUs come from nvidia-smi when it exists and answers within 3 s. */
export function detectHostResources(hostCpus: number | undefined): HostResources {
  const key = String(hostCpus);
  if (cached?.key === key) return cached.host;
  const host: HostResources = {
    cpus: hostCpus ?? availableParallelism(),
    cpusSource: hostCpus === undefined ? 'detected' : 'SLIPWAY_HOST_CPUS',
    gpus: listGpus(),
  };
  cached = { key, host };
  return host;
}

function listGpus(): GpuInfo[] {
  const r = spawnSync('nvidia-smi', NVIDIA_SMI_ARGS, { encoding: 'utf8', timeout: 3000 });
  // ENOENT (no driver), a timeout or a failing driver all mean "no GPU we can use".
  if (r.error || r.status !== 0) return [];
  return parseNvidiaSmi(r.stdout);
}
