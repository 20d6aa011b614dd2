/** Row access and row-to-wire mapping shared by the rollout verbs and the controller; not for other domains. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { endpoints, modelVersions, models, rollouts } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { iso, isoOrNull } from '../common/time';
import { AppError } from '../errors';
import type { AnalysisCheck } from './analysis';
import { ACTIVE_PHASES, TERMINAL_PHASES } from './phases';
import type { PlanEvent, PlanResult, RolloutState } from './plan-rollout';
import type { Rollout, ShadowSampleOut } from './schemas';
import type { RolloutProgress, RolloutSpec } from './spec';

export type RolloutRow = typeof rollouts.$inferSelect;

/** Analysis history kept per rollout; the oldest checks go first. */
export const MAX_CHECKS = 200;
export const MAX_SAMPLES = 20;

export function specOf(row: RolloutRow): RolloutSpec {
  return row.spec as unknown as RolloutSpec;
}

export function stateOf(row: RolloutRow): RolloutState {
  return { phase: row.phase, currentStep: row.currentStep, weightPct: row.weightPct, reason: row.reason, message: row.message, progress: row.progress as unknown as RolloutProgress };
}

export function requireRollout(db: DbOrTx, id: number): RolloutRow {
  const row = db.select().from(rollouts).where(eq(rollouts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `Rollout ${id} not found`);
  return row;
}

export function activeRolloutOf(db: DbOrTx, endpointId: number): RolloutRow | undefined {
  return db
    .select()
    .from(rollouts)
    .where(and(eq(rollouts.endpointId, endpointId), inArray(rollouts.phase, [...ACTIVE_PHASES])))
    .get();
}

export function latestRolloutOf(db: DbOrTx, endpointId: number): RolloutRow | undefined {
  return db.select().from(rollouts).where(eq(rollouts.endpointId, endpointId)).orderBy(desc(rollouts.id)).limit(1).get();
}

export function endpointNameOf(db: DbOrTx, endpointId: number): string {
  return db.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.id, endpointId)).get()?.name ?? `#${endpointId}`;
}

function versionInfo(db: DbOrTx, versionId: number): { model: string; version: number } {
  const r = db
    .select({ model: models.name, version: modelVersions.version })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(eq(modelVersions.id, versionId))
    .get();
  return r ?? { model: '', version: 0 };
}

export interface ShadowTotals {
  mirrored: number;
  dropped: number;
  compared: number;
  agreed: number;
  failed: number;
}

export function toRollout(db: DbOrTx, row: RolloutRow, shadowTotals?: ShadowTotals): Rollout {
  const candidate = versionInfo(db, row.candidateVersionId);
  const stable = versionInfo(db, row.stableVersionId);
  const progress = row.progress as unknown as RolloutProgress;
  const totals = shadowTotals ?? { mirrored: 0, dropped: 0, compared: 0, agreed: 0, failed: 0 };
  return {
    id: row.id,
    endpoint: endpointNameOf(db, row.endpointId),
    model: candidate.model,
    candidateVersion: candidate.version,
    stableVersion: stable.version,
    strategy: row.strategy,
    spec: row.spec,
    phase: row.phase,
    reason: row.reason,
    message: row.message,
    currentStep: row.currentStep,
    weightPct: row.weightPct,
    checks: row.checks as AnalysisCheck[],
    failedChecks: progress.failedChecks ?? 0,
    shadow:
      row.strategy === 'shadow'
        ? {
            ...totals,
            agreementPct: totals.compared > 0 ? Math.round((10_000 * totals.agreed) / totals.compared) / 100 : null,
            samples: row.samples as ShadowSampleOut[],
          }
        : null,
    startedBy: row.startedBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    finishedAt: isoOrNull(row.finishedAt),
    scaleDownAt: progress.scaleDownAtMs !== undefined ? new Date(progress.scaleDownAtMs).toISOString() : null,
  };
}

/** Persists a planned state with its events (one audit event each), in the caller's transaction. */
export function saveState(tx: DbOrTx, row: RolloutRow, state: RolloutState, events: PlanEvent[], actor: string, now: Date, extra: { check?: AnalysisCheck } = {}): RolloutRow {
  const endpoint = endpointNameOf(tx, row.endpointId);
  const checks = extra.check ? [...(row.checks as AnalysisCheck[]), extra.check].slice(-MAX_CHECKS) : row.checks;
  const terminal = TERMINAL_PHASES.includes(state.phase);
  const updated = tx
    .update(rollouts)
    .set({
      phase: state.phase,
      currentStep: state.currentStep,
      weightPct: state.weightPct,
      reason: state.reason,
      message: state.message,
      progress: state.progress as unknown as Record<string, unknown>,
      checks,
      updatedAt: now,
      ...(terminal && !row.finishedAt && { finishedAt: now }),
    })
    .where(eq(rollouts.id, row.id))
    .returning()
    .get();
  for (const e of events) {
    recordAudit(tx, {
      actor,
      action: e.action,
      target: auditTarget.rollout(endpoint, row.id),
      details: { message: e.message, phase: state.phase, weightPct: state.weightPct, ...(extra.check && e.action === 'rollout.analysis-failed' && { check: extra.check }) },
      at: now,
    });
  }
  return updated;
}

/**
 * Commits a plan as given: its effects (a promotion switches the endpoint's stable version to the
 * candidate) in the same transaction as the state, so routing switches atomically with the phase.
 */
export function commitPlan(tx: DbOrTx, row: RolloutRow, result: PlanResult, actor: string, now: Date, check?: AnalysisCheck): RolloutRow {
  for (const effect of result.effects) {
    if (effect.kind === 'switch-stable-version') tx.update(endpoints).set({ versionId: row.candidateVersionId, updatedAt: now }).where(eq(endpoints.id, row.endpointId)).run();
  }
  return saveState(tx, row, result.state, result.events, actor, now, check ? { check } : {});
}
