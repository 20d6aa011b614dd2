/**
 * Wire schemas of rollouts. Pure zod (bundled into route handlers and read by client code).
 * A start request is a union on `strategy`; defaults follow Argo Rollouts' spirit: canary and
 * shadow analyse by default, blue-green opts in (preview traffic is often zero).
 */
import { z } from 'zod';
import { IsoTime, PathPositiveInt } from '../common/schemas';
import { ANALYSIS_DEFAULTS } from './defaults';
import { ROLLOUT_PHASES, ROLLOUT_STRATEGIES } from './phases';

export { ANALYSIS_DEFAULTS };


export const AnalysisInput = z.strictObject({
  intervalSeconds: z.number().int().min(1).max(3600).default(ANALYSIS_DEFAULTS.intervalSeconds),
  minRequests: z.number().int().min(1).max(1_000_000).default(ANALYSIS_DEFAULTS.minRequests),
  maxErrorRatePct: z.number().min(0).max(100).default(ANALYSIS_DEFAULTS.maxErrorRatePct),
  maxP99LatencyRatio: z.number().min(1).max(100).default(ANALYSIS_DEFAULTS.maxP99LatencyRatio),
  p99SlackMs: z.number().min(0).max(60_000).default(ANALYSIS_DEFAULTS.p99SlackMs),
  minAgreementPct: z.number().min(0).max(100).default(ANALYSIS_DEFAULTS.minAgreementPct),
  failureLimit: z.number().int().min(0).max(100).default(ANALYSIS_DEFAULTS.failureLimit),
});
export type AnalysisInput = z.infer<typeof AnalysisInput>;

const common = {
  version: z.number().int().min(1),
  /** Optional guard: the version must belong to this model (the endpoint's). */
  model: z.string().optional(),
  readyTimeoutSeconds: z.number().int().min(5).max(3600).default(180),
};

export const CanaryStepInput = z.strictObject({
  weightPct: z.number().int().min(0).max(100),
  pauseSeconds: z.number().int().min(0).max(86_400).optional(),
});

const ShadowStart = z.strictObject({
  ...common,
  strategy: z.literal('shadow'),
  mirrorPct: z.number().min(0).max(100).default(100),
  tolerance: z.strictObject({ atol: z.number().min(0).default(1e-4), rtol: z.number().min(0).default(1e-3) }).default({ atol: 1e-4, rtol: 1e-3 }),
  analysis: AnalysisInput.nullable().default(() => AnalysisInput.parse({})),
});

const CanaryStart = z.strictObject({
  ...common,
  strategy: z.literal('canary'),
  steps: z
    .array(CanaryStepInput)
    .min(1)
    .max(20)
    .superRefine((steps, ctx) => {
      steps.forEach((s, i) => {
        if (i > 0 && s.weightPct <= steps[i - 1]!.weightPct) {
          ctx.addIssue({ code: 'custom', path: [i, 'weightPct'], message: `weights must increase: step ${i + 1} (${s.weightPct}%) is not above step ${i} (${steps[i - 1]!.weightPct}%)` });
        }
      });
    }),
  stickyHeader: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a lowercase HTTP header name')
    .max(64)
    .default('x-slipway-route-key'),
  analysis: AnalysisInput.nullable().default(() => AnalysisInput.parse({})),
});

const BlueGreenStart = z.strictObject({
  ...common,
  strategy: z.literal('blue-green'),
  autoPromotionSeconds: z.number().int().min(0).max(86_400).optional(),
  scaleDownDelaySeconds: z.number().int().min(0).max(86_400).default(600),
  analysis: AnalysisInput.nullable().default(null),
});

export const StartRolloutInput = z.discriminatedUnion('strategy', [ShadowStart, CanaryStart, BlueGreenStart]);
export type StartRolloutInput = z.infer<typeof StartRolloutInput>;

export const MetricResult = z.object({
  metric: z.enum(['requests', 'errorRate', 'p99Latency', 'agreement']),
  value: z.number().nullable(),
  limit: z.number().nullable(),
  verdict: z.enum(['pass', 'fail', 'inconclusive']),
});

export const AnalysisCheck = z.object({
  atMs: z.number(),
  fromMs: z.number(),
  toMs: z.number(),
  verdict: z.enum(['pass', 'fail', 'inconclusive']),
  metrics: z.array(MetricResult),
  summary: z.string(),
});

export const ShadowSampleOut = z.object({
  requestId: z.string().nullable(),
  atMs: z.number(),
  shapeMatch: z.boolean(),
  maxAbsDiff: z.number().nullable(),
  withinTolerance: z.boolean(),
  argmaxAgree: z.boolean(),
  error: z.string().optional(),
});

export type ShadowSampleOut = z.infer<typeof ShadowSampleOut>;

export const ShadowSummary = z.object({
  mirrored: z.number(),
  dropped: z.number(),
  compared: z.number(),
  agreed: z.number(),
  failed: z.number(),
  agreementPct: z.number().nullable(),
  samples: z.array(ShadowSampleOut),
});

export const Rollout = z.object({
  id: z.number().int(),
  endpoint: z.string(),
  model: z.string(),
  candidateVersion: z.number().int(),
  stableVersion: z.number().int(),
  strategy: z.enum(ROLLOUT_STRATEGIES),
  spec: z.record(z.string(), z.unknown()),
  phase: z.enum(ROLLOUT_PHASES),
  reason: z.string(),
  message: z.string(),
  currentStep: z.number().int(),
  weightPct: z.number(),
  checks: z.array(AnalysisCheck),
  failedChecks: z.number().int(),
  shadow: ShadowSummary.nullable(),
  startedBy: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  finishedAt: IsoTime.nullable(),
  /** After promotion: when the previous stable version stops (blue-green warm standby). */
  scaleDownAt: IsoTime.nullable(),
});
export type Rollout = z.infer<typeof Rollout>;

export const RolloutList = z.object({ items: z.array(Rollout) });
export type RolloutList = z.infer<typeof RolloutList>;

export const RolloutIdParams = z.object({ id: PathPositiveInt });
