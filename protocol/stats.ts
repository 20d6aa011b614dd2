/**
 * The per-second stats message a runtime sends to the control plane (over IPC with
 * `process.send`, and as the latest snapshot at `GET /v2/slipway/stats`). Counts cover one
 * interval, so the receiver sums them; the latency histogram is mergeable (hdr-histogram-js,
 * microseconds, `encodeIntoCompressedBase64`).
 */
import { z } from 'zod';

export const CacheStats = z.object({
  hits: z.number().int().nonnegative(),
  misses: z.number().int().nonnegative(),
  evictions: z.number().int().nonnegative(),
  /** Gauges: the cache's state at `atMs`, not deltas. */
  entries: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type CacheStats = z.infer<typeof CacheStats>;

export const RuntimeStats = z.object({
  type: z.literal('stats'),
  model: z.string(),
  version: z.string(),
  /** End of the interval, epoch milliseconds. */
  atMs: z.number(),
  intervalMs: z.number().nonnegative(),
  /** Requests answered in the interval (successes, failures and cache hits). */
  requests: z.number().int().nonnegative(),
  /** Failed requests by reason (`queue_full`, `timeout`, `bad_request`, `internal`, …). */
  failures: z.record(z.string(), z.number().int().nonnegative()),
  /** Items inferred (dim 0 summed; cache hits included, as Triton counts them). */
  inferences: z.number().int().nonnegative(),
  /** Model executions (batches run). inferences / executions = average batch size. */
  executions: z.number().int().nonnegative(),
  /** Executions by batch size (items), keys are decimal sizes. */
  batchSizes: z.record(z.string(), z.number().int().nonnegative()),
  /** Requests queued or running at `atMs`. */
  queueDepth: z.number().int().nonnegative(),
  /** Summed over requests in the interval. */
  queueUs: z.number().nonnegative(),
  computeUs: z.number().nonnegative(),
  /** Request latency (receipt to response), microseconds, hdr-histogram compressed base64. */
  latencyHistogram: z.string(),
  cache: CacheStats,
  rssBytes: z.number().int().nonnegative(),
  provider: z.string(),
});
export type RuntimeStats = z.infer<typeof RuntimeStats>;
