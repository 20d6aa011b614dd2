/** Rollout audit events of an endpoint in a time range: the charts' markers. */
import { and, asc, gte, like, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { ChartEvent } from './schemas';

/** Markers beyond this many are dropped (oldest kept first); a chart cannot show more anyway. */
const MAX_EVENTS = 500;

export function chartEvents(db: Db, endpoint: string, fromMs: number, toMs: number): ChartEvent[] {
  // `like` treats _ and % as wildcards; endpoint names are DNS labels, which contain neither.
  const rows = db
    .select()
    .from(auditEvents)
    .where(and(like(auditEvents.target, `endpoint/${endpoint}/rollout/%`), gte(auditEvents.at, new Date(fromMs)), lte(auditEvents.at, new Date(toMs))))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .limit(MAX_EVENTS)
    .all();
  return rows.map((r) => {
    const message = typeof r.details.message === 'string' && r.details.message ? r.details.message : r.action;
    return { action: r.action, message, at: r.at.toISOString(), t: r.at.getTime(), actor: r.actor };
  });
}
