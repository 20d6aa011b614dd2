/** The model registry: named models and their immutable, content-addressed versions. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';

export const MODEL_STATUSES = ['active', 'archived'] as const;
export const VERSION_STATUSES = ['ready', 'archived'] as const;
export const MODEL_FORMATS = ['onnx'] as const;

export interface TensorSpecRow {
  name: string;
  datatype: string;
  shape: (number | string)[];
}
export interface SignatureRow {
  inputs: TensorSpecRow[];
  outputs: TensorSpecRow[];
}
export interface ModelMetadataRow {
  producer?: string;
  opset?: number;
  irVersion?: number;
}

export const models = sqliteTable(
  'models',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    task: text('task').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: MODEL_STATUSES }).notNull().default('active'),
    createdBy: text('created_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    updatedAt: timeMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('models_name_idx').on(t.name), index('models_status_idx').on(t.status)],
);

export const modelVersions = sqliteTable(
  'model_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    format: text('format', { enum: MODEL_FORMATS }).notNull().default('onnx'),
    description: text('description').notNull().default(''),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    signature: text('signature', { mode: 'json' }).$type<SignatureRow>().notNull(),
    metadata: text('metadata', { mode: 'json' }).$type<ModelMetadataRow>().notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull().default('ready'),
    createdBy: text('created_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('model_versions_model_id_version_idx').on(t.modelId, t.version),
    index('model_versions_sha256_idx').on(t.sha256),
  ],
);
