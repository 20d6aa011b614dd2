/**
 * The autoscaler's current decision per endpoint: the stable version's replica count while a
 * policy is set. Kept in the database so a control-plane restart resumes at the same count
 * (never back to `minReplicas`). One row per autoscaled endpoint, written by the autoscaler only.
 */
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { endpoints } from './endpoints';

export const endpointScales = sqliteTable('endpoint_scales', {
  endpointId: integer('endpoint_id')
    .primaryKey()
    .references(() => endpoints.id, { onDelete: 'cascade' }),
  replicas: integer('replicas').notNull(),
  /** One of SCALE_REASONS (server/autoscaling/defaults.ts). */
  reason: text('reason').notNull(),
  metricValue: real('metric_value'),
  /** A HeldBack while the host budget holds the endpoint below its load; null otherwise. */
  heldBack: text('held_back', { mode: 'json' }).$type<Record<string, number>>(),
  lastColdStartMs: integer('last_cold_start_ms'),
  changedAt: timeMs('changed_at').notNull(),
  updatedAt: timeMs('updated_at').notNull(),
});
