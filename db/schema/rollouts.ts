/**
 * Rollouts of a candidate version on an endpoint. The phase, step, weight and the controller's
 * timers (`progress`) are persisted so a rollout resumes where it was after a control plane
 * restart; `checks` keeps every analysis result, `samples` the last disagreeing shadow pairs.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { endpoints } from './endpoints';
import { modelVersions } from './models';

import { ROLLOUT_PHASES, ROLLOUT_STRATEGIES } from '../../protocol/rollout-vocabulary';

export { ROLLOUT_PHASES, ROLLOUT_STRATEGIES };

export const rollouts = sqliteTable(
  'rollouts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => endpoints.id, { onDelete: 'cascade' }),
    candidateVersionId: integer('candidate_version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'restrict' }),
    /** The stable version when the rollout started: where abort and rollback return. */
    stableVersionId: integer('stable_version_id')
      .notNull()
      .references(() => modelVersions.id, { onDelete: 'restrict' }),
    strategy: text('strategy', { enum: ROLLOUT_STRATEGIES }).notNull(),
    spec: text('spec', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    phase: text('phase', { enum: ROLLOUT_PHASES }).notNull().default('starting'),
    reason: text('reason').notNull().default(''),
    message: text('message').notNull().default(''),
    currentStep: integer('current_step').notNull().default(0),
    weightPct: real('weight_pct').notNull().default(0),
    progress: text('progress', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    checks: text('checks', { mode: 'json' }).$type<unknown[]>().notNull(),
    samples: text('samples', { mode: 'json' }).$type<unknown[]>().notNull(),
    startedBy: text('started_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    updatedAt: timeMs('updated_at').notNull(),
    finishedAt: timeMs('finished_at'),
  },
  (t) => [index('rollouts_endpoint_id_idx').on(t.endpointId), index('rollouts_phase_idx').on(t.phase)],
);
