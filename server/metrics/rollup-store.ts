/**
 * Reads and writes `metric_rollups`. Writes are batched into one synchronous transaction per run
 * (better-sqlite3: no await inside); a rerun of a bucket replaces its row. Rows that cannot be
 * stored are left out and reported, so one bad series never costs the others their history.
 */
import { and, eq, gte, lt, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { metricRollups } from '../../db/schema';
import { emptyCell, type Cell } from './cells';
import { addSparse, countsToJson, sparseFromJson } from './latency-counts';
import { rollupRowProblem, type RollupRow } from './rollup-row';

export interface EndpointCells {
  endpoint: string;
  cells: Cell[];
}

export interface SkippedRow {
  endpoint: unknown;
  version: unknown;
  problem: string;
}

export interface RollupWrite {
  written: number;
  skipped: SkippedRow[];
}

function figuresOf(row: RollupRow): Partial<RollupRow> {
  const { endpoint: _e, version: _v, bucketStart: _b, resolutionSeconds: _r, ...figures } = row;
  return figures;
}

export function writeRollups(db: Db, resolutionMs: number, batch: readonly EndpointCells[]): RollupWrite {
  const resolutionSeconds = resolutionMs / 1000;
  const all: RollupRow[] = batch.flatMap(({ endpoint, cells }) =>
    cells.map((c) => {
      const latencyHistogram = countsToJson(c.latency);
      return {
        endpoint,
        version: c.version,
        bucketStart: new Date(c.atMs),
        resolutionSeconds,
        requests: c.requests,
        errors: c.errors,
        clientErrors: c.clientErrors,
        rejected: c.rejected,
        latencyHistogram,
        cacheHits: c.cacheHits,
        cacheMisses: c.cacheMisses,
        batches: c.batches,
        batchedItems: c.batchedItems,
        queueDepthSum: c.queueDepthSum,
        queueDepthSamples: c.queueDepthSamples,
      };
    }),
  );
  const rows: RollupRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const row of all) {
    const problem = rollupRowProblem(row);
    if (problem === null) rows.push(row);
    else skipped.push({ endpoint: row.endpoint, version: row.version, problem });
  }
  if (rows.length === 0) return { written: 0, skipped };
  db.transaction((tx) => {
    for (const row of rows) {
      tx.insert(metricRollups)
        .values(row)
        .onConflictDoUpdate({
          target: [metricRollups.endpoint, metricRollups.version, metricRollups.resolutionSeconds, metricRollups.bucketStart],
          set: figuresOf(row),
        })
        .run();
    }
  });
  return { written: rows.length, skipped };
}

/** Cells of one endpoint with a bucket start in [fromMs, toMs). */
export function readRollups(db: Db, endpoint: string, resolutionMs: number, fromMs: number, toMs: number): Cell[] {
  const rows = db
    .select()
    .from(metricRollups)
    .where(
      and(
        eq(metricRollups.endpoint, endpoint),
        eq(metricRollups.resolutionSeconds, resolutionMs / 1000),
        gte(metricRollups.bucketStart, new Date(fromMs)),
        lt(metricRollups.bucketStart, new Date(toMs)),
      ),
    )
    .all();
  return rows.map((r) => {
    const cell = emptyCell(r.version, r.bucketStart.getTime());
    addSparse(cell.latency, sparseFromJson(r.latencyHistogram));
    return fillCell(cell, r);
  });
}

function fillCell(cell: Cell, r: typeof metricRollups.$inferSelect): Cell {
  return {
    ...cell,
    requests: r.requests,
    errors: r.errors,
    clientErrors: r.clientErrors,
    rejected: r.rejected,
    cacheHits: r.cacheHits,
    cacheMisses: r.cacheMisses,
    batches: r.batches,
    batchedItems: r.batchedItems,
    queueDepthSum: r.queueDepthSum,
    queueDepthSamples: r.queueDepthSamples,
  };
}

/** Every endpoint's cells in [fromMs, toMs), for folding 10 s rows into minutes. */
export function readAllRollups(db: Db, resolutionMs: number, fromMs: number, toMs: number): EndpointCells[] {
  const endpoints = db
    .selectDistinct({ endpoint: metricRollups.endpoint })
    .from(metricRollups)
    .where(and(eq(metricRollups.resolutionSeconds, resolutionMs / 1000), gte(metricRollups.bucketStart, new Date(fromMs)), lt(metricRollups.bucketStart, new Date(toMs))))
    .all();
  return endpoints.map(({ endpoint }) => ({ endpoint, cells: readRollups(db, endpoint, resolutionMs, fromMs, toMs) }));
}

/** End of the newest bucket written at this resolution, or null when there is none. */
export function rolledUntil(db: Db, resolutionMs: number): number | null {
  const row = db
    .select({ last: max(metricRollups.bucketStart) })
    .from(metricRollups)
    .where(eq(metricRollups.resolutionSeconds, resolutionMs / 1000))
    .get();
  return row?.last ? row.last.getTime() + resolutionMs : null;
}

export function deleteRollupsBefore(db: Db, resolutionMs: number, beforeMs: number): number {
  const result = db
    .delete(metricRollups)
    .where(and(eq(metricRollups.resolutionSeconds, resolutionMs / 1000), lt(metricRollups.bucketStart, new Date(beforeMs))))
    .run();
  return result.changes;
}
