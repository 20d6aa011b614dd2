import { eq } from 'drizzle-orm';
import { modelVersions } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { requireModelRow, requireVersionRow, toVersion, uniqueTags } from './internal';
import { UpdateVersionInput, type ModelVersion } from './schemas';

/** Only the labels change; the artifact and its signature are immutable. */
export function updateVersion(deps: ServiceDeps, model: string, version: number, patch: UpdateVersionInput, actor: string): ModelVersion {
  const p = parseInput(UpdateVersionInput, patch, 'version update');
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const m = requireModelRow(tx, model);
    const row = requireVersionRow(tx, m, version);
    const updated = tx
      .update(modelVersions)
      .set({
        ...(p.description !== undefined && { description: p.description }),
        ...(p.tags !== undefined && { tags: uniqueTags(p.tags) }),
      })
      .where(eq(modelVersions.id, row.id))
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'version.update', target: auditTarget.version(m.name, version), details: { ...p }, at: now });
    return toVersion(m.name, updated);
  });
}
