import { eq } from 'drizzle-orm';
import { models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { isUniqueViolation, parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { toModel, uniqueTags } from './internal';
import { CreateModelInput, type Model } from './schemas';

export function createModel(deps: ServiceDeps, input: CreateModelInput, actor: string): Model {
  const m = parseInput(CreateModelInput, input, 'model');
  const now = deps.now();
  try {
    return deps.db.transaction((tx) => {
      if (tx.select({ id: models.id }).from(models).where(eq(models.name, m.name)).get()) {
        throw new AppError('CONFLICT', `Model "${m.name}" already exists`);
      }
      const row = tx
        .insert(models)
        .values({
          name: m.name,
          description: m.description ?? '',
          task: m.task ?? '',
          tags: uniqueTags(m.tags),
          createdBy: actor,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'model.create', target: auditTarget.model(m.name), details: { ...m }, at: now });
      return toModel(row, { latestVersion: null, versionCount: 0 });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Model "${m.name}" already exists`);
    throw err;
  }
}
