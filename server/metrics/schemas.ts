/**
 * Wire schemas of the metrics and overview APIs (`GET /api/v1/endpoints/{endpoint}/metrics`,
 * `GET /api/v1/overview`). Pure zod: the dashboard's charts import these types, so nothing here
 * may touch the database. Times on chart axes (`t`) are epoch milliseconds; other times are ISO.
 */
import { z } from 'zod';
import { DnsLabel, IsoTime } from '../common/schemas';
import { ROLLOUT_PHASES, ROLLOUT_STRATEGIES } from '../rollout/phases';

export const METRICS_RANGES = ['5m', '1h', '24h', '7d'] as const;
export const MetricsRange = z.enum(METRICS_RANGES);
export type MetricsRange = z.infer<typeof MetricsRange>;

/** At most this many points per version; more is a 400 naming the limit. */
export const MAX_POINTS = 3000;
/** How far back rollups reach (1 min rows are kept 30 days). */
export const MAX_LOOKBACK_MS = 30 * 24 * 3_600_000;

/** ISO-8601 or epoch milliseconds, as a query string. */
const TimeParam = z.string().min(1).max(40);

/** `?range=` alone, or `?from=&to=` (and optional `step` seconds); `range` wins when both come. */
export const MetricsQuery = z.object({
  range: MetricsRange.optional(),
  from: TimeParam.optional(),
  to: TimeParam.optional(),
  step: z.coerce.number().int().min(1).max(86_400).optional(),
});
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** Where a response's points came from: 1 s in memory, or the 10 s / 1 min rollups in SQLite. */
export const METRICS_SOURCES = ['live', 'rollup-10s', 'rollup-1m'] as const;
export const MetricsSource = z.enum(METRICS_SOURCES);
export type MetricsSource = z.infer<typeof MetricsSource>;

/**
 * One step of one version. Rates and counts are 0 in a quiet step; figures that need a
 * denominator (latency, error rate, batch size, cache ratio) are null when there was none.
 */
export const MetricsPoint = z.object({
  /** Start of the step, epoch ms; the step covers [t, t + stepSeconds). */
  t: z.number().int(),
  requests: z.number().int().nonnegative(),
  /** Answers with status ≥ 500. */
  errors: z.number().int().nonnegative(),
  /** Answers with status 400–499 (bad input, unknown version): not counted in errorRatePct. */
  clientErrors: z.number().int().nonnegative(),
  /**
   * Of `requests`, those the gateway answered itself without a runtime (no ready replica, body
   * refused): they count in `errors`/`clientErrors` but not in the latency figures, which cover
   * answered requests only. Always sent; optional for older clients.
   */
  rejected: z.number().int().nonnegative().optional(),
  rps: z.number().nonnegative(),
  errorRatePct: z.number().min(0).max(100).nullable(),
  /** From the step's merged latency histogram, never an average of percentiles. */
  p50Ms: z.number().nonnegative().nullable(),
  p95Ms: z.number().nonnegative().nullable(),
  p99Ms: z.number().nonnegative().nullable(),
  maxMs: z.number().nonnegative().nullable(),
  /** Mean of the runtimes' sampled queue depth (summed over replicas) in the step. */
  queueDepth: z.number().nonnegative().nullable(),
  meanBatchSize: z.number().nonnegative().nullable(),
  /** hits / (hits + misses), 0..1. */
  cacheHitRatio: z.number().min(0).max(1).nullable(),
  /** Response cache lookups in the step (runtime figures); always sent, optional for older clients. */
  cacheHits: z.number().int().nonnegative().optional(),
  cacheMisses: z.number().int().nonnegative().optional(),
});
export type MetricsPoint = z.infer<typeof MetricsPoint>;

export const VersionSeries = z.object({
  version: z.number().int().min(1),
  points: z.array(MetricsPoint),
});
export type VersionSeries = z.infer<typeof VersionSeries>;

/** A rollout audit event in the range, for chart markers. */
export const ChartEvent = z.object({
  action: z.string(),
  message: z.string(),
  at: IsoTime,
  /** `at` as epoch ms, on the same axis as points' `t`. */
  t: z.number().int(),
  actor: z.string(),
});
export type ChartEvent = z.infer<typeof ChartEvent>;

export const EndpointMetrics = z.object({
  endpoint: DnsLabel,
  from: IsoTime,
  to: IsoTime,
  stepSeconds: z.number().int().min(1),
  source: MetricsSource,
  /** Every version with traffic or runtime figures in range, ascending; points aligned across versions. */
  versions: z.array(VersionSeries),
  events: z.array(ChartEvent),
});
export type EndpointMetrics = z.infer<typeof EndpointMetrics>;

export const ENDPOINT_STATUSES = ['healthy', 'degraded', 'rolling-out'] as const;
export const EndpointStatus = z.enum(ENDPOINT_STATUSES);
export type EndpointStatus = z.infer<typeof EndpointStatus>;

export const OverviewRollout = z.object({
  id: z.number().int(),
  strategy: z.enum(ROLLOUT_STRATEGIES),
  phase: z.enum(ROLLOUT_PHASES),
  candidateVersion: z.number().int().min(1),
  /** Share of traffic on the candidate (0 for shadow, which only mirrors). */
  weightPct: z.number().min(0).max(100),
});
export type OverviewRollout = z.infer<typeof OverviewRollout>;

export const GpuStats = z.object({
  index: z.number().int().nonnegative(),
  name: z.string(),
  utilizationPct: z.number().min(0).max(100).nullable(),
  memoryUsedMiB: z.number().nonnegative().nullable(),
  memoryTotalMiB: z.number().nonnegative().nullable(),
});
export type GpuStats = z.infer<typeof GpuStats>;

/** Seconds of recent traffic behind an overview row's current figures. */
export const OVERVIEW_WINDOW_SECONDS = 10;
/** The sparkline: last 5 minutes of rps at 10 s steps (30 values, oldest first). */
export const SPARKLINE_STEP_SECONDS = 10;
export const SPARKLINE_POINTS = 30;

export const EndpointOverview = z.object({
  endpoint: DnsLabel,
  model: DnsLabel,
  stableVersion: z.number().int().min(1),
  status: EndpointStatus,
  /** Why the status is not healthy (`error rate 3.2 %`, `no ready replica`); null when healthy. */
  statusReason: z.string().nullable(),
  rps: z.number().nonnegative(),
  p99Ms: z.number().nonnegative().nullable(),
  errorRatePct: z.number().min(0).max(100).nullable(),
  cacheHitRatio: z.number().min(0).max(1).nullable(),
  readyReplicas: z.number().int().nonnegative(),
  desiredReplicas: z.number().int().nonnegative(),
  sparkline: z.array(z.number().nonnegative()),
  rollout: OverviewRollout.nullable(),
});
export type EndpointOverview = z.infer<typeof EndpointOverview>;

export const Overview = z.object({
  generatedAt: IsoTime,
  windowSeconds: z.number().int().min(1),
  sparklineStepSeconds: z.number().int().min(1),
  endpoints: z.array(EndpointOverview),
  /** Empty where the host has no `nvidia-smi`. */
  gpus: z.array(GpuStats),
});
export type Overview = z.infer<typeof Overview>;
