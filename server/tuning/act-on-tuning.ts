/**
 * `apply` writes the run's best config onto the endpoint (an ordinary config update: the
 * supervisor rolls replicas one at a time, without failed requests); `cancel` stops a running
 * run, keeping what it measured. An illegal action is 409, never 500.
 */
import { eq } from 'drizzle-orm';
import { tunings } from '../../db/schema';
import { recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { updateEndpoint } from '../endpoints';
import { AppError } from '../errors';
import { requireTuningRow, toTuning, tuningTarget } from './internal';
import type { Tuning, TuningAction } from './schemas';
import { TuningBest } from './schemas';
import type { TuningRunner } from './tuning-runner';

export function actOnTuning(deps: ServiceDeps, runner: TuningRunner, endpoint: string, id: number, action: TuningAction, actor: string): Tuning {
  const row = requireTuningRow(deps.db, endpoint, id);
  if (action === 'cancel') {
    if (row.status !== 'running') throw new AppError('CONFLICT', `cannot cancel a tuning that is ${row.status}`);
    runner.cancel(id);
    // The runner marks it cancelled once its scratch runtime is gone; say so now in the row too.
    deps.db.update(tunings).set({ progress: { ...row.progress, message: 'cancelling' } }).where(eq(tunings.id, id)).run();
    recordAudit(deps.db, { actor, action: 'tuning.cancel', target: tuningTarget(endpoint, id), at: deps.now() });
    return toTuning(deps.db, deps.db.select().from(tunings).where(eq(tunings.id, id)).get()!, endpoint);
  }
  if (row.status !== 'succeeded') throw new AppError('CONFLICT', `cannot apply a tuning that is ${row.status}`);
  if (!row.best) throw new AppError('CONFLICT', `tuning ${id} found no config within p99 ≤ ${row.p99Ms} ms`);
  const { candidate } = TuningBest.parse(row.best);
  updateEndpoint(deps, endpoint, { config: { ...candidate } }, actor);
  const now = deps.now();
  deps.db.update(tunings).set({ appliedAt: now }).where(eq(tunings.id, id)).run();
  recordAudit(deps.db, { actor, action: 'tuning.apply', target: tuningTarget(endpoint, id), details: { config: candidate }, at: now });
  return toTuning(deps.db, { ...row, appliedAt: now }, endpoint);
}

export function getTuning(deps: ServiceDeps, endpoint: string, id: number): Tuning {
  return toTuning(deps.db, requireTuningRow(deps.db, endpoint, id), endpoint);
}
