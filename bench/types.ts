/** Result shapes shared by the bench's child processes, its orchestrator and its formatter. */
import type { WindowVerdict } from './stability';

/** One measured point; throughput counts items (inferences), which equals requests for batch-1 clients. */
export interface PointSummary {
  throughputPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  calls: number;
  errors: number;
  windows: number;
  verdict: WindowVerdict;
}

export type LoadMode = 'varied' | 'identical';

export interface LoadPoint extends PointSummary {
  concurrency: number;
}

export interface LoadgenResult {
  url: string;
  mode: LoadMode;
  points: LoadPoint[];
}

export interface InprocessBatch extends PointSummary {
  batchSize: number;
}

export interface InprocessResult {
  intraOpThreads: number;
  batches: InprocessBatch[];
}

/** One served configuration (a runtime, later the gateway) under one load mode. */
export interface TargetRun {
  id: string;
  label: string;
  /** How it was started, for the record (runtime CLI flags). */
  args: string[];
  mode: LoadMode;
  /** VmRSS after warm-up with no load, when the bench owns the process. */
  idleRssMb: number | null;
  points: LoadPoint[];
}

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; totalMemMb: number };
  /** 1-minute load average before and after: other work on the machine skews every figure. */
  loadAverage: { start: number; end: number };
  inprocess: InprocessResult | null;
  targets: TargetRun[];
}
