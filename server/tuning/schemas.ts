/** Wire schemas of tuning runs (`/api/v1/endpoints/{endpoint}/tunings`). Pure zod. */
import { z } from 'zod';
import { IsoTime, PathPositiveInt } from '../common/schemas';
import { EndpointName } from '../endpoints/schemas';
import { TUNING_DEFAULTS, TUNING_STAGES, TUNING_STATUSES } from './vocabulary';

/** One input's shape in the synthetic requests: what a client sends for one item (batch dim 1). */
export const TuningInputShape = z.strictObject({
  name: z.string().min(1).max(256),
  shape: z.array(z.number().int().min(1).max(1 << 20)).max(16),
});

export const StartTuningInput = z.strictObject({
  /** The SLA: the best config is the fastest whose p99 stays at or under this. */
  p99Ms: z.number().positive().max(60_000),
  /** The run stops measuring after this long and keeps what it found. */
  maxMinutes: z.number().min(0.1).max(120).default(TUNING_DEFAULTS.maxMinutes),
  /** Sizes for the model's dynamic dims, per input; an input not listed gets a guess (server/tuning/input-shapes.ts). */
  inputShapes: z.array(TuningInputShape).max(64).optional(),
});
export type StartTuningInput = z.input<typeof StartTuningInput>;

export const TuningCandidate = z.object({
  instances: z.number().int(),
  intraOpThreads: z.number().int(),
  maxBatchSize: z.number().int(),
  maxQueueDelayMs: z.number(),
  preferredBatchSizes: z.array(z.number().int()),
});

export const TuningMeasurement = z.object({
  candidate: TuningCandidate,
  concurrency: z.number().int(),
  throughputPerSec: z.number(),
  p50Ms: z.number(),
  p99Ms: z.number(),
  errors: z.number().int(),
});

export const TuningBest = z.object({
  candidate: TuningCandidate,
  throughputPerSec: z.number(),
  p99Ms: z.number(),
  concurrency: z.number().int(),
});

export const Tuning = z.object({
  id: z.number().int(),
  endpoint: EndpointName,
  version: z.number().int(),
  status: z.enum(TUNING_STATUSES),
  p99Ms: z.number(),
  maxMinutes: z.number(),
  /** The synthetic request's shape per input; null for runs from before it was kept. */
  inputShapes: z.array(TuningInputShape).nullable(),
  progress: z.object({ stage: z.enum(TUNING_STAGES), measured: z.number().int(), message: z.string() }),
  /** Every point measured, in order. */
  measurements: z.array(TuningMeasurement),
  /** The points nothing beats on both throughput and p99, by p99. */
  pareto: z.array(TuningMeasurement),
  /** The fastest config within `p99Ms`; null while none met it. */
  best: TuningBest.nullable(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: IsoTime,
  finishedAt: IsoTime.nullable(),
  appliedAt: IsoTime.nullable(),
});
export type Tuning = z.infer<typeof Tuning>;

export const TuningList = z.object({ items: z.array(Tuning) });
export type TuningList = z.infer<typeof TuningList>;

export const TUNING_ACTIONS = ['apply', 'cancel'] as const;
export type TuningAction = (typeof TUNING_ACTIONS)[number];

export const TuningParams = z.object({ endpoint: EndpointName, id: PathPositiveInt });
export const TuningActionParams = TuningParams.extend({ action: z.enum(TUNING_ACTIONS) });
