/**
 * GPU figures from `nvidia-smi` (no NVML binding: one CSV query every 5 s is cheap and needs no
 * native module). Hosts without the tool simply report no GPUs; the poller stops trying after
 * the first "not found".
 */
import { execFile } from 'node:child_process';
import type { GpuStats } from './schemas';

export const NVIDIA_SMI_ARGS = ['--query-gpu=index,name,utilization.gpu,memory.used,memory.total', '--format=csv,noheader,nounits'];
export const GPU_POLL_INTERVAL_MS = 5_000;

/** `[N/A]`, `[Not Supported]` and blanks become null rather than failing the line. */
function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** One GPU per line: `0, NVIDIA H100 80GB HBM3, 37, 1024, 81559`. Malformed lines are skipped. */
export function parseNvidiaSmi(output: string): GpuStats[] {
  const gpus: GpuStats[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length < 5) continue;
    // A name may itself contain commas: the figures are the last three fields.
    const index = num(parts[0]);
    const total = num(parts[parts.length - 1]);
    const used = num(parts[parts.length - 2]);
    const util = num(parts[parts.length - 3]);
    const name = parts.slice(1, parts.length - 3).join(', ');
    if (index === null || !Number.isInteger(index) || index < 0 || !name) continue;
    gpus.push({
      index,
      name,
      utilizationPct: util === null ? null : Math.min(100, Math.max(0, util)),
      memoryUsedMiB: used !== null && used >= 0 ? used : null,
      memoryTotalMiB: total !== null && total >= 0 ? total : null,
    });
  }
  return gpus;
}

export type RunCommand = (file: string, args: string[]) => Promise<string>;

const runCommand: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 4_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });

export class GpuPoller {
  private latest: GpuStats[] = [];
  private timer?: NodeJS.Timeout;
  private absent = false;

  constructor(
    private readonly run: RunCommand = runCommand,
    private readonly command = 'nvidia-smi',
  ) {}

  current(): GpuStats[] {
    return this.latest;
  }

  async poll(): Promise<void> {
    if (this.absent) return;
    try {
      this.latest = parseNvidiaSmi(await this.run(this.command, NVIDIA_SMI_ARGS));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        this.absent = true;
        this.stop();
      }
      // A failed query (driver hiccup, timeout) leaves no data rather than stale data.
      this.latest = [];
    }
  }

  start(intervalMs = GPU_POLL_INTERVAL_MS): void {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
