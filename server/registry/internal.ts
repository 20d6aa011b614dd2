/** Row lookups and row-to-wire mapping shared by the registry verbs; not for other domains. */
import { and, count, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { modelVersions, models } from '../../db/schema';
import { iso } from '../common/time';
import { AppError } from '../errors';
import type { Model, ModelVersion, TensorSpec } from './schemas';

export type ModelRow = typeof models.$inferSelect;
export type VersionRow = typeof modelVersions.$inferSelect;

export function requireModelRow(db: DbOrTx, name: string): ModelRow {
  const row = db.select().from(models).where(eq(models.name, name)).get();
  if (!row) throw new AppError('NOT_FOUND', `Model "${name}" not found`);
  return row;
}

export function requireVersionRow(db: DbOrTx, model: ModelRow, version: number): VersionRow {
  const row = Number.isSafeInteger(version)
    ? db
        .select()
        .from(modelVersions)
        .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.version, version)))
        .get()
    : undefined;
  if (!row) throw new AppError('NOT_FOUND', `Version ${version} of model "${model.name}" not found`);
  return row;
}

export function versionStats(db: DbOrTx, modelId: number): { latestVersion: number | null; versionCount: number } {
  const r = db
    .select({ latest: max(modelVersions.version), n: count() })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId))
    .get();
  return { latestVersion: r?.latest ?? null, versionCount: r?.n ?? 0 };
}

export function toModel(row: ModelRow, stats: { latestVersion: number | null; versionCount: number }): Model {
  return {
    name: row.name,
    description: row.description,
    task: row.task,
    tags: row.tags,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    latestVersion: stats.latestVersion,
    versionCount: stats.versionCount,
  };
}

export function modelWithStats(db: DbOrTx, row: ModelRow): Model {
  return toModel(row, versionStats(db, row.id));
}

export function toVersion(modelName: string, row: VersionRow): ModelVersion {
  return {
    model: modelName,
    version: row.version,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    format: row.format,
    description: row.description,
    tags: row.tags,
    signature: {
      inputs: row.signature.inputs as TensorSpec[],
      outputs: row.signature.outputs as TensorSpec[],
    },
    metadata: row.metadata,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
  };
}

/** Tags are a set; keep first-seen order so the UI shows them as entered. */
export function uniqueTags(tags: readonly string[] | undefined): string[] {
  return [...new Set(tags ?? [])];
}
