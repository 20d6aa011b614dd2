import { desc, eq } from 'drizzle-orm';
import { modelVersions } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireModelRow, toVersion } from './internal';
import type { VersionList } from './schemas';

/** Newest first. */
export function listVersions(deps: ServiceDeps, model: string): VersionList {
  const m = requireModelRow(deps.db, model);
  const rows = deps.db.select().from(modelVersions).where(eq(modelVersions.modelId, m.id)).orderBy(desc(modelVersions.version)).all();
  return { items: rows.map((r) => toVersion(m.name, r)) };
}
