import { eq } from 'drizzle-orm';
import { endpoints, modelVersions } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { requireModelRow, requireVersionRow, toVersion } from './internal';
import type { ModelVersion } from './schemas';

/** An archived version cannot be deployed; one an endpoint serves cannot be archived. Idempotent. */
export function archiveVersion(deps: ServiceDeps, model: string, version: number, actor: string): ModelVersion {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const m = requireModelRow(tx, model);
    const row = requireVersionRow(tx, m, version);
    if (row.status === 'archived') return toVersion(m.name, row);
    const serving = tx.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.versionId, row.id)).all();
    if (serving.length > 0) {
      const names = serving.map((e) => `"${e.name}"`).join(', ');
      throw new AppError('CONFLICT', `Version ${version} of "${m.name}" is served by endpoint ${names}`);
    }
    const updated = tx.update(modelVersions).set({ status: 'archived' }).where(eq(modelVersions.id, row.id)).returning().get();
    recordAudit(tx, { actor, action: 'version.archive', target: auditTarget.version(m.name, version), at: now });
    return toVersion(m.name, updated);
  });
}
