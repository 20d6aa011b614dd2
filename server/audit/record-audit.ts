/**
 * Writes one audit event. Callers pass the transaction of the change itself, so the change and
 * its record commit or roll back together.
 */
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { AuditAction } from './schemas';

export interface AuditEntry {
  actor: string;
  action: AuditAction;
  target: string;
  details?: Record<string, unknown>;
  at?: Date;
}

export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: entry.details ?? {},
      at: entry.at ?? new Date(),
    })
    .run();
}
