import { eq } from 'drizzle-orm';
import { models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { modelWithStats, requireModelRow, uniqueTags } from './internal';
import { UpdateModelInput, type Model } from './schemas';

export function updateModel(deps: ServiceDeps, name: string, patch: UpdateModelInput, actor: string): Model {
  const p = parseInput(UpdateModelInput, patch, 'model update');
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = requireModelRow(tx, name);
    const updated = tx
      .update(models)
      .set({
        ...(p.description !== undefined && { description: p.description }),
        ...(p.task !== undefined && { task: p.task }),
        ...(p.tags !== undefined && { tags: uniqueTags(p.tags) }),
        updatedAt: now,
      })
      .where(eq(models.id, row.id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'model.update', target: auditTarget.model(name), details: { ...p }, at: now });
    return modelWithStats(tx, updated);
  });
}
