/**
 * Autoscaling vocabulary and defaults as plain data, without zod, so the dashboard's policy form
 * and the e2e tests import the same values the API applies.
 * - `inflight`: requests in flight per ready replica, as the gateway saw them (mean over the look-back).
 * - `queue`: requests queued or running inside the runtimes, per ready replica.
 * - `p99`: the stable version's p99 latency in ms over the look-back, against `target`.
 */
export const AUTOSCALING_METRICS = ['inflight', 'queue', 'p99'] as const;
export type AutoscalingMetric = (typeof AUTOSCALING_METRICS)[number];

export const AUTOSCALING_DEFAULTS = {
  upscaleDelaySeconds: 10,
  downscaleDelaySeconds: 120,
  lookbackSeconds: 30,
};

/** Most replicas any version may run (the same bound as a fixed `replicas`). */
export const MAX_REPLICAS = 16;

/** Scaling reasons, one vocabulary for the audit log, the API and the dashboard. */
export const SCALE_REASONS = ['load', 'idle', 'cold-start', 'at-capacity', 'policy', 'steady'] as const;
export type ScaleReason = (typeof SCALE_REASONS)[number];
