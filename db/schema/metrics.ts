/**
 * Metric rollups for the charts' longer ranges (the last hour at 1 s lives in memory). Sketched
 * from ARCHITECTURE.md; the metrics loop (a later issue) fills it. The histogram is an encoded,
 * mergeable latency histogram.
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    errors: integer('errors').notNull().default(0),
    latencyHistogram: text('latency_histogram'),
    cacheHits: integer('cache_hits').notNull().default(0),
    cacheMisses: integer('cache_misses').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    batchedItems: integer('batched_items').notNull().default(0),
  },
  (t) => [
    uniqueIndex('metric_rollups_endpoint_version_resolution_seconds_bucket_start_idx').on(
      t.endpoint,
      t.version,
      t.resolutionSeconds,
      t.bucketStart,
    ),
  ],
);
