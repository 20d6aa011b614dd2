/** The audit log: one row per change of desired state, written in the same transaction. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    at: timeMs('at').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actor),
    index('audit_events_action_idx').on(t.action),
    index('audit_events_target_idx').on(t.target),
  ],
);
