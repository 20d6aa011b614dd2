import { eq } from 'drizzle-orm';
import { endpoints, models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { requireModelRow } from './internal';

/**
 * Deletes the model and its versions. Artifact files stay: they are content-addressed and may
 * be shared with another model's version.
 */
export function deleteModel(deps: ServiceDeps, name: string, actor: string): void {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const row = requireModelRow(tx, name);
    const serving = tx.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.modelId, row.id)).all();
    if (serving.length > 0) {
      const names = serving.map((e) => `"${e.name}"`).join(', ');
      throw new AppError('CONFLICT', `Model "${name}" is served by endpoint ${names}; delete the endpoint first`);
    }
    tx.delete(models).where(eq(models.id, row.id)).run();
    recordAudit(tx, { actor, action: 'model.delete', target: auditTarget.model(name), at: now });
  });
}
