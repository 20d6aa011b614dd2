/**
 * Rollouts of a candidate version on an endpoint. Sketched from ARCHITECTURE.md's data model;
 * the rollout controller (a later issue) owns the spec and analysis shapes. The phase is
 * persisted so a rollout survives a restart of the control plane.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';
import { endpoints } from './endpoints';
import { modelVersions } from './models';

export const ROLLOUT_STRATEGIES = ['shadow', 'canary', 'blue-green'] as const;
export const ROLLOUT_PHASES = ['pending', 'progressing', 'paused', 'promoted', 'aborted', 'rolled-back'] as const;

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
    strategy: text('strategy', { enum: ROLLOUT_STRATEGIES }).notNull(),
    spec: text('spec', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    phase: text('phase', { enum: ROLLOUT_PHASES }).notNull().default('pending'),
    currentStep: integer('current_step').notNull().default(0),
    weightPct: integer('weight_pct').notNull().default(0),
    analysis: text('analysis', { mode: 'json' }).$type<unknown[]>().notNull(),
    startedBy: text('started_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    updatedAt: timeMs('updated_at').notNull(),
    finishedAt: timeMs('finished_at'),
  },
  (t) => [index('rollouts_endpoint_id_idx').on(t.endpointId), index('rollouts_phase_idx').on(t.phase)],
);
