/** Row mapping and lookups shared by the tuning verbs; not for other domains. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { endpoints, modelVersions, tunings } from '../../db/schema';
import { iso } from '../common/time';
import { AppError } from '../errors';
import { Tuning, TuningBest, TuningInputShape, TuningMeasurement } from './schemas';
import { paretoFront, type Measurement } from './search';
import { TUNING_STAGES, TUNING_STATUSES } from './vocabulary';

export type TuningRow = typeof tunings.$inferSelect;

export function requireTuningRow(db: DbOrTx, endpoint: string, id: number): TuningRow & { endpoint: string } {
  const row = db
    .select({ t: tunings, endpoint: endpoints.name })
    .from(tunings)
    .innerJoin(endpoints, eq(endpoints.id, tunings.endpointId))
    .where(and(eq(tunings.id, id), eq(endpoints.name, endpoint)))
    .get();
  if (!row) throw new AppError('NOT_FOUND', `Tuning ${id} of endpoint "${endpoint}" not found`);
  return { ...row.t, endpoint: row.endpoint };
}

export function toTuning(db: DbOrTx, row: TuningRow, endpoint: string): Tuning {
  const version = db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, row.versionId)).get()?.version ?? 0;
  const measurements = TuningMeasurement.array().catch([]).parse(row.measurements) as Measurement[];
  const progress = row.progress as { stage?: string; measured?: number; message?: string };
  return {
    id: row.id,
    endpoint,
    version,
    status: (TUNING_STATUSES as readonly string[]).includes(row.status) ? (row.status as Tuning['status']) : 'failed',
    p99Ms: row.p99Ms,
    maxMinutes: row.maxMinutes,
    inputShapes: row.inputShapes ? TuningInputShape.array().catch([]).parse(row.inputShapes) : null,
    progress: {
      stage: (TUNING_STAGES as readonly string[]).includes(progress.stage ?? '') ? (progress.stage as Tuning['progress']['stage']) : 'layout',
      measured: measurements.length,
      message: progress.message ?? '',
    },
    measurements,
    pareto: paretoFront(measurements),
    best: row.best ? TuningBest.parse(row.best) : null,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    finishedAt: row.finishedAt ? iso(row.finishedAt) : null,
    appliedAt: row.appliedAt ? iso(row.appliedAt) : null,
  };
}

export const tuningTarget = (endpoint: string, id: number) => `endpoint/${endpoint}/tuning/${id}`;
