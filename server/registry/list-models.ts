/** Models by name, filtered; the cursor is the last name of the previous page. */
import { and, asc, count, eq, gt, max, or, sql, type SQL } from 'drizzle-orm';
import { modelVersions, models } from '../../db/schema';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { toModel } from './internal';
import { ListModelsQuery, type ModelList } from './schemas';

/** LIKE pattern (ASCII case-insensitive in SQLite) for a literal substring: `%`, `_` match themselves. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listModels(deps: ServiceDeps, query: ListModelsQuery): ModelList {
  const q = parseInput(ListModelsQuery, query, 'model query');
  const where: SQL[] = [];
  if (q.status) where.push(eq(models.status, q.status));
  if (q.cursor) where.push(gt(models.name, q.cursor));
  if (q.tag) where.push(sql`exists (select 1 from json_each(${models.tags}) where json_each.value = ${q.tag})`);
  if (q.q) {
    const pattern = containing(q.q);
    const text = or(sql`${models.name} like ${pattern} escape '\\'`, sql`${models.description} like ${pattern} escape '\\'`);
    if (text) where.push(text);
  }
  const rows = deps.db
    .select({ model: models, latest: max(modelVersions.version), n: count(modelVersions.id) })
    .from(models)
    .leftJoin(modelVersions, eq(modelVersions.modelId, models.id))
    .where(and(...where))
    .groupBy(models.id)
    .orderBy(asc(models.name))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toModel(r.model, { latestVersion: r.latest ?? null, versionCount: r.n })),
    nextCursor: rows.length > q.limit && last ? last.model.name : null,
  };
}
