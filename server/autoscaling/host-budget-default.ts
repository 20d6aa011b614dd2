/**
 * The host budget when none is given: the cores Node sees and the GPUs `nvidia-smi -L` lists
 * (none where the tool is missing). Read once at start; the host does not change under us.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { HostBudget } from './host-budget';

export function detectHostBudget(): HostBudget {
  const smi = spawnSync('nvidia-smi', ['-L'], { encoding: 'utf8', timeout: 5_000 });
  const gpus = smi.status === 0 ? smi.stdout.split('\n').filter((l) => l.startsWith('GPU ')).length : 0;
  return { cores: availableParallelism(), gpus };
}
