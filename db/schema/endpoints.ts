/** Desired serving state: which model version each endpoint serves, and how. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { modelVersions, models } from './models';

/** Stored as the full, defaults-applied runtime config (server/endpoints/schemas.ts validates it). */
export type RuntimeConfigRow = Record<string, unknown>;

export const endpoints = sqliteTable(
  'endpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id, { onDelete: 'restrict' }),
    /** The stable version. */
    versionId: integer('version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'restrict' }),
    config: text('config', { mode: 'json' }).$type<RuntimeConfigRow>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    updatedAt: timeMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('endpoints_name_idx').on(t.name), index('endpoints_model_id_idx').on(t.modelId)],
);
