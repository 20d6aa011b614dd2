import { eq } from 'drizzle-orm';
import { endpoints } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from './internal';

/** Removes the desired state; its rollouts and runtime records go with it (cascade). */
export function deleteEndpoint(deps: ServiceDeps, name: string, actor: string): void {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const row = requireEndpointRow(tx, name);
    tx.delete(endpoints).where(eq(endpoints.id, row.id)).run();
    recordAudit(tx, { actor, action: 'endpoint.delete', target: auditTarget.endpoint(name), at: now });
  });
}
