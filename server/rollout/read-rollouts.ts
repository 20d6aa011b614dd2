import { desc, eq } from 'drizzle-orm';
import { rollouts } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from '../endpoints/internal';
import { requireRollout, toRollout, type ShadowTotals } from './internal';
import type { Rollout, RolloutList } from './schemas';

export type ShadowTotalsOf = (endpoint: string, candidateVersion: number, sinceMs: number) => ShadowTotals | undefined;

export function getRollout(deps: ServiceDeps, id: number, shadow?: ShadowTotalsOf): Rollout {
  const row = requireRollout(deps.db, id);
  const base = toRollout(deps.db, row);
  const totals = base.strategy === 'shadow' ? shadow?.(base.endpoint, base.candidateVersion, row.createdAt.getTime()) : undefined;
  return totals ? toRollout(deps.db, row, totals) : base;
}

export function listRollouts(deps: ServiceDeps, endpointName: string, limit = 50, shadow?: ShadowTotalsOf): RolloutList {
  const endpoint = requireEndpointRow(deps.db, endpointName);
  const rows = deps.db.select().from(rollouts).where(eq(rollouts.endpointId, endpoint.id)).orderBy(desc(rollouts.id)).limit(limit).all();
  return { items: rows.map((r) => getRollout(deps, r.id, shadow)) };
}
