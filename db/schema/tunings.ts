/**
 * Tuning runs (the built-in model analyzer): the SLA asked for, every measurement taken on the
 * scratch runtimes, and the best config found. Measurements are kept with the run so its table
 * and chart survive a restart; a run still `running` at start-up was interrupted.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { endpoints } from './endpoints';
import { modelVersions } from './models';

export const tunings = sqliteTable(
  'tunings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'cascade' }),
    /** One of TUNING_STATUSES (server/tuning/vocabulary.ts). */
    status: text('status').notNull(),
    p99Ms: real('p99_ms').notNull(),
    maxMinutes: real('max_minutes').notNull(),
    /** { stage, measured, message } */
    progress: text('progress', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    measurements: text('measurements', { mode: 'json' }).$type<unknown[]>().notNull(),
    /** The synthetic request's shape per input, resolved at start ([{ name, shape }]); null for runs from before it was kept. */
    inputShapes: text('input_shapes', { mode: 'json' }).$type<{ name: string; shape: number[] }[]>(),
    best: text('best', { mode: 'json' }).$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    finishedAt: timeMs('finished_at'),
    appliedAt: timeMs('applied_at'),
  },
  (t) => [index('tunings_endpoint_id_idx').on(t.endpointId), index('tunings_status_idx').on(t.status)],
);
