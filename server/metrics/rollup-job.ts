/**
 * The rollup loop: every 10 s folds the closed live seconds into 10 s rows, then closed 10 s rows
 * into 1 min rows, then deletes rows past retention. Runs on a timer off the request path; each
 * step is one transaction. Watermarks start from the newest rows on disk, so a restart resumes.
 * Rows that cannot be stored are skipped and counted (`skippedRows`), never retried.
 */
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { cellsFromLive, foldCells } from './cells';
import type { LiveStore } from './live-store';
import { nextRollupWindow, retentionCutoffs, ROLLUP_10S_MS, ROLLUP_1M_MS, ROLLUP_GRACE_MS, RETENTION_MS } from './rollup-plan';
import { deleteRollupsBefore, readAllRollups, rolledUntil, writeRollups, type EndpointCells, type RollupWrite } from './rollup-store';

export interface RollupRun {
  wrote10s: number;
  wrote1m: number;
  deleted: number;
  /** Rows left out because they could not be stored. */
  skipped: number;
}

export class RollupJob {
  private done10sMs: number | null;
  private done1mMs: number | null;
  private timer?: NodeJS.Timeout;
  /** Rows skipped since start (Prometheus: slipway_metrics_rollup_rows_skipped_total). */
  skippedRows = 0;

  constructor(
    private readonly db: Db,
    private readonly live: LiveStore,
    private readonly nowMs: () => number = Date.now,
    private readonly log?: Logger,
  ) {
    this.done10sMs = rolledUntil(db, ROLLUP_10S_MS);
    this.done1mMs = rolledUntil(db, ROLLUP_1M_MS);
  }

  /** End of the newest 10 s / 1 min rows (0 when none): where chart queries switch sources. */
  watermarks(): { rolled10sUntilMs: number; rolled1mUntilMs: number } {
    return { rolled10sUntilMs: this.done10sMs ?? 0, rolled1mUntilMs: this.done1mMs ?? 0 };
  }

  start(intervalMs = ROLLUP_10S_MS): void {
    this.timer = setInterval(() => {
      try {
        this.run();
      } catch (err) {
        this.log?.error({ err }, 'metrics rollup failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  run(): RollupRun {
    const now = this.nowMs();
    const run: RollupRun = { wrote10s: 0, wrote1m: 0, deleted: 0, skipped: 0 };
    const w10 = nextRollupWindow(this.done10sMs, now - ROLLUP_GRACE_MS, this.live.dataStartMs(now), ROLLUP_10S_MS);
    if (w10) {
      const batch: EndpointCells[] = this.live.endpoints().map((endpoint) => ({
        endpoint,
        cells: cellsFromLive(this.live.traffic(endpoint, w10.fromMs, w10.toMs), this.live.runtime(endpoint, w10.fromMs, w10.toMs), ROLLUP_10S_MS),
      }));
      run.wrote10s = this.note(writeRollups(this.db, ROLLUP_10S_MS, batch), run);
      this.done10sMs = w10.toMs;
    }
    const w1m = nextRollupWindow(this.done1mMs, this.done10sMs ?? 0, now - RETENTION_MS[ROLLUP_10S_MS], ROLLUP_1M_MS);
    if (w1m) {
      const batch = readAllRollups(this.db, ROLLUP_10S_MS, w1m.fromMs, w1m.toMs).map(({ endpoint, cells }) => ({
        endpoint,
        cells: foldCells(cells, ROLLUP_1M_MS),
      }));
      run.wrote1m = this.note(writeRollups(this.db, ROLLUP_1M_MS, batch), run);
      this.done1mMs = w1m.toMs;
    }
    const cut = retentionCutoffs(now);
    run.deleted = deleteRollupsBefore(this.db, ROLLUP_10S_MS, cut.before10sMs) + deleteRollupsBefore(this.db, ROLLUP_1M_MS, cut.before1mMs);
    return run;
  }

  /** Counts and logs what a write skipped; returns the rows written. */
  private note(write: RollupWrite, run: RollupRun): number {
    if (write.skipped.length > 0) {
      run.skipped += write.skipped.length;
      this.skippedRows += write.skipped.length;
      this.log?.warn({ skipped: write.skipped.length, first: write.skipped[0] }, 'metrics rollup skipped rows it cannot store');
    }
    return write.written;
  }
}
