/**
 * The tuner's shell: runs one search per tuning row on scratch runtimes of the endpoint's model
 * version (launched through the same Launcher as the supervisor, on sockets of their own, never
 * routed), measures each point, and writes every measurement, the progress and the best config
 * to the row as it goes. One scratch runtime at a time; it is replaced when the candidate changes.
 */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { endpoints, modelVersions, tunings } from '../../db/schema';
import { RuntimeConfig } from '../endpoints/schemas';
import type { Launcher } from '../supervisor/launcher';
import { sizeEndpoints, scratchCores, type HostResources } from '../sizing';
import { measurePoint } from './measure';
import { runSearch } from './run-search';
import { batchCapOf, launchScratch } from './scratch-runtime';
import { bestConfig, nextStep, type Measurement } from './search';
import { syntheticRequest, type SignatureTensor } from './synthetic-request';
import { TUNING_DEFAULTS, type TuningStatus } from './vocabulary';

export interface TuningRunnerOptions {
  db: Db;
  log: Logger;
  launcher: Launcher;
  artifactsDir: string;
  socketDir: string;
  logDir: string;
  hostResources: HostResources;
  /** Per point: answers before `warmupMs` do not count; the next `windowMs` do. */
  warmupMs?: number;
  windowMs?: number;
  concurrencies?: number[];
}

export class TuningRunner {
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly o: TuningRunnerOptions) {
    // Runs a previous control plane left unfinished have no process behind them any more.
    o.db.update(tunings).set({ status: 'failed', error: 'interrupted by a control-plane restart', finishedAt: new Date() }).where(eq(tunings.status, 'running')).run();
  }

  /** Cores a scratch runtime may use now: what fixed-size runtimes leave. */
  scratchCores(): number {
    return scratchCores(sizeEndpoints(this.o.db, this.o.hostResources));
  }

  isRunning(id: number): boolean {
    return this.running.has(id);
  }

  start(id: number): void {
    const abort = new AbortController();
    this.running.set(id, abort);
    void this.run(id, abort.signal)
      .catch((err: unknown) => {
        this.o.log.warn({ err, tuning: id }, 'tuning failed');
        this.finish(id, 'failed', (err as Error).message.slice(0, 500));
      })
      .finally(() => this.running.delete(id));
  }

  cancel(id: number): void {
    this.running.get(id)?.abort();
  }

  async stop(): Promise<void> {
    for (const abort of this.running.values()) abort.abort();
    while (this.running.size) await new Promise((r) => setTimeout(r, 50));
  }

  private async run(id: number, signal: AbortSignal): Promise<void> {
    const { db } = this.o;
    const row = db.select().from(tunings).where(eq(tunings.id, id)).get();
    if (!row) return;
    const ep = db.select({ name: endpoints.name, config: endpoints.config }).from(endpoints).where(eq(endpoints.id, row.endpointId)).get();
    const version = db.select().from(modelVersions).where(eq(modelVersions.id, row.versionId)).get();
    if (!ep || !version) throw new Error('the endpoint or its version is gone');
    const endpointConfig = RuntimeConfig.parse(ep.config);
    const sig = version.signature as { inputs: SignatureTensor[] };
    // Shapes resolved at start; a run from before they were kept guesses, as it did then.
    const request = syntheticRequest(sig.inputs, row.inputShapes ?? []);
    const input = {
      cores: Math.max(1, this.scratchCores()),
      p99Ms: row.p99Ms,
      concurrencies: this.o.concurrencies ?? TUNING_DEFAULTS.concurrencies,
      maxBatchCap: batchCapOf(sig.inputs),
      deadlineMs: row.createdAt.getTime() + row.maxMinutes * 60_000,
    };
    let launched = 0;
    await runSearch({
      next: (measurements) => nextStep(input, measurements, Date.now()),
      launch: (candidate) => {
        const n = ++launched;
        return launchScratch(this.o.launcher, {
          instanceId: `t${id}-${n}`,
          endpoint: ep.name,
          version: version.version,
          modelPath: join(this.o.artifactsDir, `${version.sha256}.onnx`),
          base: endpointConfig,
          candidate,
          socketPath: join(this.o.socketDir, `t${id}-${n}.sock`),
          logPath: join(this.o.logDir, `t${id}-${n}.log`),
        });
      },
      measure: (socketPath, concurrency, abortSignal) => measurePoint({ socketPath, model: ep.name, request, concurrency, warmupMs: this.o.warmupMs ?? TUNING_DEFAULTS.warmupMs, windowMs: this.o.windowMs ?? TUNING_DEFAULTS.windowMs, signal: abortSignal }),
      signal,
      onProgress: (stage, message, measurements) => this.progress(id, stage, measurements, message),
    });
    this.finish(id, signal.aborted ? 'cancelled' : 'succeeded', null);
  }

  private progress(id: number, stage: string, measurements: readonly Measurement[], message: string): void {
    const row = this.o.db.select({ p99Ms: tunings.p99Ms }).from(tunings).where(eq(tunings.id, id)).get();
    const best = row ? (bestConfig(measurements, row.p99Ms) ?? null) : null;
    this.o.db.update(tunings).set({ progress: { stage, message }, measurements: [...measurements], best: best as Record<string, unknown> | null }).where(eq(tunings.id, id)).run();
  }

  private finish(id: number, status: TuningStatus, error: string | null): void {
    const current = this.o.db.select({ progress: tunings.progress }).from(tunings).where(eq(tunings.id, id)).get();
    const progress = status === 'succeeded' ? current?.progress : { ...current?.progress, message: status === 'cancelled' ? 'cancelled' : `failed: ${error}` };
    this.o.db.update(tunings).set({ status, error, finishedAt: new Date(), ...(progress && { progress }) }).where(eq(tunings.id, id)).run();
  }
}

/** This module exported it before it moved, pure, beside `candidateKey`. */
export { describeCandidate } from './search';
