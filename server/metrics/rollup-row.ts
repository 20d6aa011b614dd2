/**
 * Checks one `metric_rollups` row before it is written. A single row SQLite refuses (a NaN
 * version is bound as NULL) would otherwise fail the whole batch, and since the watermark then
 * stays put, every later run too: no endpoint's history saved until a restart. Pure.
 */
import type { metricRollups } from '../../db/schema';

export type RollupRow = typeof metricRollups.$inferInsert;

const COUNTS = ['requests', 'errors', 'clientErrors', 'rejected', 'cacheHits', 'cacheMisses', 'batches', 'batchedItems', 'queueDepthSamples'] as const;

const isCount = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Why the row cannot be stored, or null when it can. */
export function rollupRowProblem(row: RollupRow): string | null {
  if (typeof row.endpoint !== 'string' || row.endpoint.length === 0) return 'endpoint is not a name';
  if (!Number.isSafeInteger(row.version) || row.version < 1) return `version ${String(row.version)} is not a positive integer`;
  if (!(row.bucketStart instanceof Date) || !Number.isFinite(row.bucketStart.getTime())) return 'bucket start is not a time';
  if (!Number.isSafeInteger(row.resolutionSeconds) || row.resolutionSeconds < 1) return `resolution ${String(row.resolutionSeconds)} s is not a positive integer`;
  for (const key of COUNTS) {
    if (row[key] !== undefined && !isCount(row[key])) return `${key} ${String(row[key])} is not a count`;
  }
  if (row.queueDepthSum !== undefined && !(Number.isFinite(row.queueDepthSum) && row.queueDepthSum >= 0)) return `queueDepthSum ${String(row.queueDepthSum)} is not a non-negative number`;
  if (row.latencyHistogram !== undefined && row.latencyHistogram !== null && typeof row.latencyHistogram !== 'string') return 'latency histogram is not text';
  return null;
}
