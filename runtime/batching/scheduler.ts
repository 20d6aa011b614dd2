/**
 * The dynamic batcher's shell: owns the queue (in priority order), the timer and the dispatch
 * of batches into free instance slots. Every decision comes from `decideBatch`; this file only
 * re-asks it when something changes (enqueue, a slot frees, the timer fires).
 */
import type { DecodedRequest, RawTensor } from '../codec/types';
import { RuntimeError } from '../errors';
import type { InstancePool } from '../execution/instance-pool';
import type { BatchCalibration } from './batch-calibration';
import { decideBatch, type BatchPolicyConfig, type QueuedRequest } from './batch-policy';
import { batchKey, concatInputs, splitOutputs } from './batch-tensors';

/** Triton priority 0 (or none) maps to this level; 1 is the highest, so 1–9 run ahead of it. */
export const DEFAULT_PRIORITY_LEVEL = 10;

export interface SchedulerOptions extends BatchPolicyConfig {
  maxQueueSize: number;
  /** 0 = requests never time out in the queue. */
  queueTimeoutMs: number;
  /** `preferredBatchSizes: auto`: the preferred size comes from here, per batch key, instead. */
  calibration?: BatchCalibration;
}

/** The one seam tests reach the batcher through (runtime/test-hooks.ts); production passes none. */
export interface DispatchGate {
  /** True while dispatch must wait (given how many requests are queued). */
  holds(queued: number): boolean;
  dispatched(ids: readonly string[]): void;
  release(): void;
}

export interface ScheduledResult {
  tensors: RawTensor[];
  queueNs: number;
  inputNs: number;
  inferNs: number;
  outputNs: number;
}

interface Entry extends QueuedRequest {
  level: number;
  request: DecodedRequest;
  enqueuedNs: bigint;
  resolve: (r: ScheduledResult) => void;
  reject: (e: Error) => void;
}

export class Scheduler {
  private queue: Entry[] = [];
  private running = 0;
  private nextId = 1;
  private timer?: NodeJS.Timeout;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly options: SchedulerOptions,
    private readonly pool: InstancePool,
    private readonly onExecution: (batchSize: number, inputNs: number, inferNs: number, outputNs: number) => void,
    private readonly gate?: DispatchGate,
  ) {
    pool.onSlotFree(() => this.evaluate());
  }

  /** Requests queued or running. */
  pending(): number {
    return this.queue.length + this.running;
  }

  submit(request: DecodedRequest): Promise<ScheduledResult> {
    if (this.queue.length >= this.options.maxQueueSize) {
      return Promise.reject(new RuntimeError('queue_full', `the queue is full (${this.options.maxQueueSize} requests)`));
    }
    const nowMs = performance.now();
    const limits = [this.options.queueTimeoutMs, (request.timeoutUs ?? 0) / 1000].filter((ms) => ms > 0);
    return new Promise<ScheduledResult>((resolve, reject) => {
      const entry: Entry = {
        id: this.nextId++,
        enqueuedAtMs: nowMs,
        deadlineMs: limits.length ? nowMs + Math.min(...limits) : Infinity,
        batchKey: batchKey(request),
        items: request.items,
        level: request.priority === 0 ? DEFAULT_PRIORITY_LEVEL : request.priority,
        request,
        enqueuedNs: process.hrtime.bigint(),
        resolve,
        reject,
      };
      // Keep dispatch order: by level, then arrival (stable insert after equals).
      let at = this.queue.length;
      while (at > 0 && this.queue[at - 1]!.level > entry.level) at--;
      this.queue.splice(at, 0, entry);
      this.evaluate();
    });
  }

  /** Resolves once nothing is queued or running (for a graceful drain). */
  whenIdle(): Promise<void> {
    if (this.pending() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Ends a test hold at once (a drain must not wait on it). */
  release(): void {
    this.gate?.release();
    this.evaluate();
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private evaluate(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (;;) {
      const nowMs = performance.now();
      const free = this.gate?.holds(this.queue.length) ? 0 : this.pool.freeSlots();
      const policy = this.policyFor(nowMs);
      const decision = decideBatch(this.queue, policy, nowMs, free);
      if (decision.expired.length) {
        const expired = new Set(decision.expired);
        for (const e of this.queue.filter((q) => expired.has(q.id))) {
          e.reject(new RuntimeError('timeout', 'the request timed out in the queue before it could run'));
        }
        this.queue = this.queue.filter((q) => !expired.has(q.id));
      }
      if (decision.kind === 'wait') {
        if (decision.untilMs !== null) {
          this.timer = setTimeout(() => this.evaluate(), Math.max(0, decision.untilMs - nowMs));
        }
        break;
      }
      const ids = new Set(decision.ids);
      const batch = this.queue.filter((q) => ids.has(q.id));
      this.queue = this.queue.filter((q) => !ids.has(q.id));
      // Requests left waiting: the instances are the bottleneck, so this batch runs under load.
      this.dispatch(batch, this.queue.length > 0);
    }
    this.notifyIfIdle();
  }

  private policyFor(nowMs: number): BatchPolicyConfig {
    const { calibration } = this.options;
    const head = this.queue[0];
    if (!calibration || !head) return this.options;
    return { ...this.options, preferredBatchSizes: [calibration.capFor(head.batchKey, nowMs)] };
  }

  /** `saturated`: requests were left waiting; only such a batch is a calibration sample. */
  private dispatch(batch: Entry[], saturated: boolean): void {
    const batched = this.options.maxBatchSize > 0;
    this.gate?.dispatched(batch.map((e) => e.request.id ?? String(e.id)));
    this.running += batch.length;
    const dispatchedNs = process.hrtime.bigint();
    const items = batch.reduce((n, e) => n + e.items, 0);
    const finish = () => {
      this.running -= batch.length;
      this.notifyIfIdle();
    };
    let inputs;
    try {
      inputs = concatInputs(
        batch.map((e) => e.request),
        batched,
      );
    } catch (err) {
      for (const e of batch) e.reject(err as Error);
      finish();
      return;
    }
    this.pool.run(inputs).then(
      (result) => {
        this.onExecution(items, result.inputNs, result.inferNs, result.outputNs);
        // Samples taken on an idle host would beat every one taken under load.
        if (saturated) this.options.calibration?.observe(batch[0]!.batchKey, items, result.computeNs / 1e6, performance.now());
        try {
          const parts = splitOutputs(result.outputs, batch.map((e) => e.items), batched);
          batch.forEach((e, i) =>
            e.resolve({
              tensors: parts[i]!,
              queueNs: Number(dispatchedNs - e.enqueuedNs),
              inputNs: result.inputNs,
              inferNs: result.inferNs,
              outputNs: result.outputNs,
            }),
          );
        } catch (err) {
          for (const e of batch) e.reject(new RuntimeError('internal', (err as Error).message));
        }
        finish();
      },
      (err: Error) => {
        for (const e of batch) e.reject(err);
        finish();
      },
    );
  }

  private notifyIfIdle(): void {
    if (this.pending() !== 0 || !this.idleWaiters.length) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
