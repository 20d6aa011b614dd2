import { eq } from 'drizzle-orm';
import { models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { modelWithStats, requireModelRow } from './internal';
import type { Model } from './schemas';

/** Archiving stops new versions; endpoints already serving the model keep serving. Idempotent. */
export function archiveModel(deps: ServiceDeps, name: string, actor: string): Model {
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = requireModelRow(tx, name);
    if (row.status === 'archived') return modelWithStats(tx, row);
    const updated = tx.update(models).set({ status: 'archived', updatedAt: now }).where(eq(models.id, row.id)).returning().get();
    recordAudit(tx, { actor, action: 'model.archive', target: auditTarget.model(name), at: now });
    return modelWithStats(tx, updated);
  });
}
