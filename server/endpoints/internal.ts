/** Row lookups and mapping shared by the endpoint verbs; not for other domains. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { endpoints, modelVersions, models } from '../../db/schema';
import { iso } from '../common/time';
import { AppError } from '../errors';
import { RuntimeConfig, type Endpoint } from './schemas';

export type EndpointRow = typeof endpoints.$inferSelect;

export function requireEndpointRow(db: DbOrTx, name: string): EndpointRow {
  const row = db.select().from(endpoints).where(eq(endpoints.name, name)).get();
  if (!row) throw new AppError('NOT_FOUND', `Endpoint "${name}" not found`);
  return row;
}

/** The version an endpoint may serve: it must exist (NOT_FOUND) and be ready (CONFLICT). */
export function resolveServableVersion(db: DbOrTx, model: string, version: number): { modelId: number; versionId: number } {
  const m = db.select({ id: models.id }).from(models).where(eq(models.name, model)).get();
  if (!m) throw new AppError('NOT_FOUND', `Model "${model}" not found`);
  const v = db
    .select({ id: modelVersions.id, status: modelVersions.status })
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, m.id), eq(modelVersions.version, version)))
    .get();
  if (!v) throw new AppError('NOT_FOUND', `Version ${version} of model "${model}" not found`);
  if (v.status !== 'ready') throw new AppError('CONFLICT', `Version ${version} of model "${model}" is ${v.status}; only ready versions can be served`);
  return { modelId: m.id, versionId: v.id };
}

export function toEndpoint(db: DbOrTx, row: EndpointRow): Endpoint {
  const ref = db
    .select({ model: models.name, version: modelVersions.version })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(eq(modelVersions.id, row.versionId))
    .get();
  if (!ref) throw new AppError('INTERNAL', `Endpoint "${row.name}" points at a missing version`);
  return {
    name: row.name,
    model: ref.model,
    version: ref.version,
    // Stored configs were validated on write; parsing again fills fields added since.
    config: RuntimeConfig.parse(row.config),
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
