/**
 * Runtime config defaults as plain data, without zod, so the dashboard's endpoint form imports
 * the same values the API applies. `maxQueueDelayMs` 0 is greedy batching, Triton's default:
 * under load the queue fills while instances are busy, and at low load nothing waits
 * (`npm run bench`: a 2 ms delay cost ~2.6 ms p50 at c=1 and no throughput at c=64).
 */
export const DEVICES = ['cpu', 'cuda'] as const;
export type Device = (typeof DEVICES)[number];

/** `auto`: sized from the host (its cores, or one instance per GPU) and the other runtimes on it. */
export type SizeSetting = number | 'auto';

/**
 * `auto`: the runtime learns the batch size that costs least per item from the batches it runs
 * (on a CPU a big batch can cost more per item than a small one: cache-bound models).
 */
export type PreferredSetting = number[] | 'auto';

export const RUNTIME_CONFIG_DEFAULTS = {
  replicas: 1,
  instances: 'auto' as SizeSetting,
  maxBatchSize: 32,
  preferredBatchSizes: 'auto' as PreferredSetting,
  maxQueueDelayMs: 0,
  maxQueueSize: 1024,
  queueTimeoutMs: 5000,
  cache: { enabled: false, maxBytes: 64 * 1024 * 1024 },
  device: 'cpu' as Device,
  intraOpThreads: 'auto' as SizeSetting,
  warmupRuns: 1,
};
