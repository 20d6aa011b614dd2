/** Observed runtime processes, one per (endpoint, version, replica); written by the supervisor. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { endpoints } from './endpoints';
import { modelVersions } from './models';

export const RUNTIME_STATES = ['starting', 'warming', 'ready', 'draining', 'stopped', 'failed'] as const;

export const runtimeInstances = sqliteTable(
  'runtime_instances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'restrict' }),
    replica: integer('replica').notNull(),
    pid: integer('pid'),
    socketPath: text('socket_path'),
    state: text('state', { enum: RUNTIME_STATES }).notNull().default('starting'),
    restarts: integer('restarts').notNull().default(0),
    lastError: text('last_error'),
    lastHealthyAt: timeMs('last_healthy_at'),
    createdAt: timeMs('created_at').notNull(),
    updatedAt: timeMs('updated_at').notNull(),
  },
  (t) => [index('runtime_instances_endpoint_id_version_id_idx').on(t.endpointId, t.versionId)],
);
