/**
 * Starts a tuning run: one at a time per endpoint (CONFLICT otherwise), refused with
 * PRECONDITION_FAILED when fixed-size runtimes leave the host no core for a scratch runtime, and
 * with VALIDATION when its input shapes do not fit the model (resolved and stored with the run).
 */
import { and, eq } from 'drizzle-orm';
import { modelVersions, tunings } from '../../db/schema';
import { recordAudit } from '../audit';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from '../endpoints/internal';
import { AppError } from '../errors';
import { resolveInputShapes } from './input-shapes';
import { toTuning, tuningTarget } from './internal';
import { StartTuningInput, type Tuning } from './schemas';
import type { SignatureTensor } from './synthetic-request';
import type { TuningRunner } from './tuning-runner';
import { SCRATCH_MAX_BODY_BYTES } from './vocabulary';

export function startTuning(deps: ServiceDeps, runner: TuningRunner, endpoint: string, input: unknown, actor: string): Tuning {
  const p = parseInput(StartTuningInput, input, 'tuning');
  const cores = runner.scratchCores();
  if (cores < 1) {
    throw new AppError('PRECONDITION_FAILED', `The host budget leaves no room for scratch runtimes: fixed-size runtimes hold all ${deps.config.hostCpus ?? 'detected'} cores. Set instances or intraOpThreads to auto, or lower them, and try again.`);
  }
  const now = deps.now();
  const created = deps.db.transaction((tx) => {
    const ep = requireEndpointRow(tx, endpoint);
    const signature = tx.select({ signature: modelVersions.signature }).from(modelVersions).where(eq(modelVersions.id, ep.versionId)).get()?.signature as { inputs: SignatureTensor[] } | undefined;
    const shapes = resolveInputShapes(signature?.inputs ?? [], p.inputShapes, SCRATCH_MAX_BODY_BYTES);
    if (!shapes.ok) throw new AppError('VALIDATION', `Invalid tuning: ${shapes.path}: ${shapes.message}`, [{ path: shapes.path, message: shapes.message }]);
    const active = tx.select({ id: tunings.id }).from(tunings).where(and(eq(tunings.endpointId, ep.id), eq(tunings.status, 'running'))).get();
    if (active) throw new AppError('CONFLICT', `Endpoint "${endpoint}" already has tuning ${active.id} running; cancel it or wait for it to finish`);
    const row = tx
      .insert(tunings)
      .values({ endpointId: ep.id, versionId: ep.versionId, status: 'running', p99Ms: p.p99Ms, maxMinutes: p.maxMinutes, inputShapes: shapes.shapes, progress: { stage: 'layout', message: 'starting' }, measurements: [], createdBy: actor, createdAt: now })
      .returning()
      .get();
    recordAudit(tx, { actor, action: 'tuning.start', target: tuningTarget(endpoint, row.id), details: { p99Ms: p.p99Ms, maxMinutes: p.maxMinutes, scratchCores: cores, inputShapes: shapes.shapes }, at: now });
    return row;
  });
  runner.start(created.id);
  return toTuning(deps.db, created, endpoint);
}

export function listTunings(deps: ServiceDeps, endpoint: string): { items: Tuning[] } {
  const ep = requireEndpointRow(deps.db, endpoint);
  const rows = deps.db.select().from(tunings).where(eq(tunings.endpointId, ep.id)).all();
  return { items: rows.sort((a, b) => b.id - a.id).map((r) => toTuning(deps.db, r, endpoint)) };
}

