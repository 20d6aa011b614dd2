/** The audit log, newest first; the cursor is the id of the last event on the previous page. */
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { parseInput } from '../common/validate';
import { AuditQuery, type AuditPage } from './schemas';

export function listAudit(db: DbOrTx, query: AuditQuery): AuditPage {
  const q = parseInput(AuditQuery, query, 'audit query');
  const where: SQL[] = [];
  if (q.actor) where.push(eq(auditEvents.actor, q.actor));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.target) where.push(eq(auditEvents.target, q.target));
  if (q.from) where.push(gte(auditEvents.at, new Date(q.from)));
  if (q.to) where.push(lt(auditEvents.at, new Date(q.to)));
  if (q.cursor !== undefined) {
    const before = Number(q.cursor);
    if (!Number.isSafeInteger(before)) return { items: [], nextCursor: null };
    where.push(lt(auditEvents.id, before));
  }
  const rows = db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ id: r.id, actor: r.actor, action: r.action, target: r.target, details: r.details, at: r.at.toISOString() })),
    nextCursor: rows.length > q.limit && last ? String(last.id) : null,
  };
}
