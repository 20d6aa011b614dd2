/**
 * Wire schemas of endpoints (docs/api-contract.md "Endpoints"). `RuntimeConfig` applies the
 * contract's defaults to a partial input and rejects unknown keys; `RuntimeConfigPatch` is the
 * same shape with no defaults, merged over the stored config on update.
 */
import { z } from 'zod';
import { DnsLabel, IsoTime } from '../common/schemas';
import { AutoscalingPolicy } from '../autoscaling/schemas';
import { DEVICES, RUNTIME_CONFIG_DEFAULTS } from './defaults';

export { DEVICES, RUNTIME_CONFIG_DEFAULTS };

export const Device = z.enum(DEVICES);
export type Device = z.infer<typeof Device>;

const GIB = 1024 ** 3;

/** Field bounds, shared by the full config and the patch so they cannot drift apart. */
const field = {
  replicas: z.number().int().min(1).max(16),
  // 'auto': sized from the host's cores or GPUs and the other runtimes (server/sizing/).
  instances: z.union([z.literal('auto'), z.number().int().min(1).max(16)]),
  maxBatchSize: z.number().int().min(0).max(1024),
  // 'auto': each runtime learns the size that is cheapest per item from the batches it runs.
  preferredBatchSizes: z.union([z.literal('auto'), z.array(z.number().int().min(1).max(1024)).max(16)]),
  maxQueueDelayMs: z.number().int().min(0).max(10_000),
  maxQueueSize: z.number().int().min(1).max(1_000_000),
  queueTimeoutMs: z.number().int().min(0).max(600_000),
  cacheEnabled: z.boolean(),
  cacheMaxBytes: z.number().int().min(0).max(16 * GIB),
  device: Device,
  intraOpThreads: z.union([z.literal('auto'), z.number().int().min(0).max(64)]),
  warmupRuns: z.number().int().min(0).max(100),
};


export const CacheConfig = z.strictObject({
  enabled: field.cacheEnabled.default(RUNTIME_CONFIG_DEFAULTS.cache.enabled),
  maxBytes: field.cacheMaxBytes.default(RUNTIME_CONFIG_DEFAULTS.cache.maxBytes),
});

const d = RUNTIME_CONFIG_DEFAULTS;

/** Input: every field optional; output: every field present. maxBatchSize 0 means unbatched. */
export const RuntimeConfig = z
  .strictObject({
    replicas: field.replicas.default(d.replicas),
    instances: field.instances.default(d.instances),
    maxBatchSize: field.maxBatchSize.default(d.maxBatchSize),
    preferredBatchSizes: field.preferredBatchSizes.default(d.preferredBatchSizes),
    maxQueueDelayMs: field.maxQueueDelayMs.default(d.maxQueueDelayMs),
    maxQueueSize: field.maxQueueSize.default(d.maxQueueSize),
    queueTimeoutMs: field.queueTimeoutMs.default(d.queueTimeoutMs),
    cache: CacheConfig.default(() => ({ ...d.cache })),
    device: field.device.default(d.device),
    intraOpThreads: field.intraOpThreads.default(d.intraOpThreads),
    warmupRuns: field.warmupRuns.default(d.warmupRuns),
    /** Absent: a fixed `replicas`. Present: the autoscaler moves the stable version's count within it. */
    autoscaling: AutoscalingPolicy.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.preferredBatchSizes === 'auto') return;
    c.preferredBatchSizes.forEach((size, i) => {
      if (size > c.maxBatchSize) {
        ctx.addIssue({
          code: 'custom',
          path: ['preferredBatchSizes', i],
          message: `preferred batch size ${size} exceeds maxBatchSize ${c.maxBatchSize}`,
        });
      }
    });
  });
export type RuntimeConfig = z.infer<typeof RuntimeConfig>;
export type RuntimeConfigInput = z.input<typeof RuntimeConfig>;

/** A partial config merged over the stored one (cache merged field by field), then re-checked. */
export const RuntimeConfigPatch = z.strictObject({
  replicas: field.replicas.optional(),
  instances: field.instances.optional(),
  maxBatchSize: field.maxBatchSize.optional(),
  preferredBatchSizes: field.preferredBatchSizes.optional(),
  maxQueueDelayMs: field.maxQueueDelayMs.optional(),
  maxQueueSize: field.maxQueueSize.optional(),
  queueTimeoutMs: field.queueTimeoutMs.optional(),
  cache: z.strictObject({ enabled: field.cacheEnabled.optional(), maxBytes: field.cacheMaxBytes.optional() }).optional(),
  device: field.device.optional(),
  intraOpThreads: field.intraOpThreads.optional(),
  warmupRuns: field.warmupRuns.optional(),
  /** Replaces the whole policy; null turns autoscaling off (back to the fixed `replicas`). */
  autoscaling: AutoscalingPolicy.nullable().optional(),
});
export type RuntimeConfigPatch = z.infer<typeof RuntimeConfigPatch>;

export const EndpointName = DnsLabel;

export const CreateEndpointInput = z.strictObject({
  name: EndpointName,
  model: DnsLabel,
  version: z.number().int().min(1),
  config: RuntimeConfig.optional(),
});
export type CreateEndpointInput = z.input<typeof CreateEndpointInput>;

export const UpdateEndpointInput = z.strictObject({
  version: z.number().int().min(1).optional(),
  config: RuntimeConfigPatch.optional(),
});
export type UpdateEndpointInput = z.infer<typeof UpdateEndpointInput>;

/** What `auto` came to on this host: the sizes the endpoint's runtimes run with now. */
export const EffectiveSizing = z.object({
  instances: z.number().int(),
  intraOpThreads: z.number().int(),
  /** ONNX Runtime's spin-waiting: off whenever threads share cores. */
  intraOpSpinning: z.boolean(),
  hostCpus: z.number().int(),
  hostGpus: z.number().int(),
});
export type EffectiveSizing = z.infer<typeof EffectiveSizing>;

export const Endpoint = z.object({
  name: z.string(),
  model: z.string(),
  version: z.number().int(),
  config: RuntimeConfig,
  effective: EffectiveSizing.optional(),
  createdBy: z.string(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Endpoint = z.infer<typeof Endpoint>;

export const EndpointList = z.object({ items: z.array(Endpoint) });
export type EndpointList = z.infer<typeof EndpointList>;
