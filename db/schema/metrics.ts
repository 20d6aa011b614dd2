/**
 * Metric rollups for the charts' longer ranges (the last hour at 1 s lives in memory): 10 s rows
 * (kept 24 h) folded from the live store, 1 min rows (kept 30 days) folded from the 10 s rows.
 * The latency histogram is JSON `[[value µs, count], …]` over HDR buckets (2 significant digits),
 * mergeable by adding counts (server/metrics/latency-counts.ts).
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';

export const metricRollups = sqliteTable(
  'metric_rollups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpoint: text('endpoint').notNull(),
    version: integer('version').notNull(),
    bucketStart: timeMs('bucket_start').notNull(),
    resolutionSeconds: integer('resolution_seconds').notNull(),
    requests: integer('requests').notNull().default(0),
    /** Answers with status ≥ 500. */
    errors: integer('errors').notNull().default(0),
    /** Answers with status 400–499. */
    clientErrors: integer('client_errors').notNull().default(0),
    /** Of `requests`, answered by the gateway itself without a runtime; not in the latency histogram. */
    rejected: integer('rejected').notNull().default(0),
    latencyHistogram: text('latency_histogram'),
    cacheHits: integer('cache_hits').notNull().default(0),
    cacheMisses: integer('cache_misses').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    batchedItems: integer('batched_items').notNull().default(0),
    /** Runtime queue depth summed over replicas, summed over the seconds sampled; mean = sum / samples. */
    queueDepthSum: real('queue_depth_sum').notNull().default(0),
    queueDepthSamples: integer('queue_depth_samples').notNull().default(0),
  },
  (t) => [
    uniqueIndex('metric_rollups_endpoint_version_resolution_seconds_bucket_start_idx').on(
      t.endpoint,
      t.version,
      t.resolutionSeconds,
      t.bucketStart,
    ),
    index('metric_rollups_resolution_seconds_bucket_start_idx').on(t.resolutionSeconds, t.bucketStart),
  ],
);
