/**
 * Wire schemas of autoscaling: the per-endpoint policy (`config.autoscaling`) and the scaling
 * status the API reports (`GET /api/v1/endpoints/{endpoint}/scaling`). Pure zod.
 */
import { z } from 'zod';
import { DnsLabel } from '../common/schemas';
import { AUTOSCALING_DEFAULTS, AUTOSCALING_METRICS, MAX_REPLICAS, SCALE_REASONS } from './defaults';

export const AutoscalingMetric = z.enum(AUTOSCALING_METRICS);
export const ScaleReason = z.enum(SCALE_REASONS);

/** Largest sensible target per metric: in-flight or queued requests per replica, or a p99 in ms (10 min). */
const TARGET_MAX = { inflight: 10_000, queue: 10_000, p99: 600_000 } as const;

export const AutoscalingPolicy = z
  .strictObject({
    minReplicas: z.number().int().min(0).max(MAX_REPLICAS),
    maxReplicas: z.number().int().min(1).max(MAX_REPLICAS),
    metric: AutoscalingMetric,
    target: z.number().positive().max(TARGET_MAX.p99),
    upscaleDelaySeconds: z.number().int().min(0).max(3_600).default(AUTOSCALING_DEFAULTS.upscaleDelaySeconds),
    downscaleDelaySeconds: z.number().int().min(0).max(86_400).default(AUTOSCALING_DEFAULTS.downscaleDelaySeconds),
    lookbackSeconds: z.number().int().min(1).max(3_600).default(AUTOSCALING_DEFAULTS.lookbackSeconds),
  })
  .superRefine((p, ctx) => {
    if (p.minReplicas > p.maxReplicas) ctx.addIssue({ code: 'custom', path: ['minReplicas'], message: `minReplicas ${p.minReplicas} exceeds maxReplicas ${p.maxReplicas}` });
    if (p.target > TARGET_MAX[p.metric]) ctx.addIssue({ code: 'custom', path: ['target'], message: `target ${p.target} is above ${TARGET_MAX[p.metric]} for metric ${p.metric}` });
  });
export type AutoscalingPolicy = z.infer<typeof AutoscalingPolicy>;

/** Why an endpoint could not grow as far as its load asked: the host's budget, in cores and GPUs. */
export const HeldBack = z.object({
  wantedReplicas: z.number().int().nonnegative(),
  allowedReplicas: z.number().int().nonnegative(),
  budgetCores: z.number().nonnegative(),
  usedCores: z.number().nonnegative(),
  coresPerReplica: z.number().nonnegative(),
  budgetGpus: z.number().nonnegative(),
  usedGpus: z.number().nonnegative(),
});
export type HeldBack = z.infer<typeof HeldBack>;

export const ScalingSample = z.object({
  /** Epoch ms. */
  t: z.number().int(),
  desiredReplicas: z.number().int().nonnegative(),
  /** Ready replicas per version (decimal keys). */
  ready: z.record(z.string(), z.number().int().nonnegative()),
});

export const ScalingEvent = z.object({
  t: z.number().int(),
  fromReplicas: z.number().int().nonnegative(),
  toReplicas: z.number().int().nonnegative(),
  reason: ScaleReason,
  metric: AutoscalingMetric,
  value: z.number().nullable(),
  target: z.number(),
});
export type ScalingEvent = z.infer<typeof ScalingEvent>;

export const ScalingStatus = z.object({
  endpoint: DnsLabel,
  policy: AutoscalingPolicy.nullable(),
  desiredReplicas: z.number().int().nonnegative(),
  readyReplicas: z.number().int().nonnegative(),
  reason: ScaleReason,
  /** The metric's value behind the last decision (null: no figures yet). */
  metricValue: z.number().nullable(),
  /** Set while the host budget keeps the endpoint below what its load asks ("at capacity"). */
  heldBack: HeldBack.nullable(),
  /** The last scale-from-zero: the time from the decision to the first ready replica. */
  lastColdStartMs: z.number().nonnegative().nullable(),
  /** Replicas per version, sampled by the autoscaler (the last hour, while this control plane runs). */
  samples: z.array(ScalingSample),
  /** Scaling decisions from the audit log, oldest first. */
  events: z.array(ScalingEvent),
});
export type ScalingStatus = z.infer<typeof ScalingStatus>;
