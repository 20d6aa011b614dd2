/**
 * The model's instances: one worker thread (and ONNX Runtime session) each, one batch at a time
 * per instance. A worker that dies fails the batch it held with a 500 and is replaced; the
 * scheduler hears of every slot that frees up through `onSlotFree`.
 */
import { Worker } from 'node:worker_threads';
import { RuntimeError } from '../errors';
import type { ModelSig } from '../model/signature';
import type { Device, FromWorker, ToWorker, WireTensor, WorkerInit } from './messages';

/** The one seam tests reach the pool through (runtime/test-hooks.ts); production passes none. */
export interface PoolSeam {
  /** True: the instance that takes the next batch dies holding it. */
  takeCrash(): boolean;
}

export interface PoolOptions {
  modelPath: string;
  instances: number;
  intraOpThreads: number;
  intraOpSpinning: boolean;
  device: Device;
}

export interface BatchResult {
  outputs: WireTensor[];
  inputNs: number;
  inferNs: number;
  outputNs: number;
  /** Wall time less the instance thread's run-queue wait: what the batch cost, preemption aside. */
  computeNs: number;
}

interface Pending {
  batchId: number;
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: Pending;
}

type Log = (msg: string) => void;

const RESPAWN_DELAY_MS = 1000;

/** Set by the control plane's bundle build (server/dataplane/entry-points.ts); absent from source. */
declare const SLIPWAY_BUNDLED: boolean | undefined;

/** Bundled: the worker's bundle sits beside this one. From source: a plain module registers tsx, then loads worker.ts. */
const WORKER_URL = typeof SLIPWAY_BUNDLED !== 'undefined' ? new URL('./runtime-worker.mjs', import.meta.url) : new URL('./worker-entry.mjs', import.meta.url);

export class InstancePool {
  private readonly slots: Slot[] = [];
  private nextBatchId = 1;
  private closing = false;
  private slotFreeListener: () => void = () => {};
  sig?: ModelSig;
  provider?: Device;

  constructor(
    private readonly options: PoolOptions,
    private readonly log: Log,
    private readonly seam?: PoolSeam,
  ) {}

  /** Starts every instance; rejects with ONNX Runtime's message when a session cannot load. */
  async start(): Promise<void> {
    // Every instance settles before a failure is reported: terminating a worker while ONNX Runtime
    // is still creating its session aborts the whole process (SIGABRT) instead of a clean exit 3.
    const started = await Promise.allSettled(Array.from({ length: this.options.instances }, (_, i) => this.spawn(i)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  onSlotFree(listener: () => void): void {
    this.slotFreeListener = listener;
  }

  freeSlots(): number {
    return this.slots.filter((s) => s.ready && !s.running).length;
  }

  busySlots(): number {
    return this.slots.filter((s) => s.running).length;
  }

  /** Runs one batch on an idle instance; the input buffers are transferred away. */
  run(inputs: WireTensor[]): Promise<BatchResult> {
    const slot = this.slots.find((s) => s.ready && !s.running);
    if (!slot) return Promise.reject(new RuntimeError('unavailable', 'no free model instance'));
    const batchId = this.nextBatchId++;
    return new Promise<BatchResult>((resolve, reject) => {
      slot.running = { batchId, resolve, reject };
      // The test seam: the instance dies holding this batch; the exit handler fails it and
      // replaces the instance, exactly as after a real crash.
      if (this.seam?.takeCrash()) return void slot.worker.terminate();
      const msg: ToWorker = { type: 'run', batchId, inputs };
      slot.worker.postMessage(msg, inputs.map((t) => t.buffer));
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(index: number): Promise<void> {
    const init: WorkerInit = {
      modelPath: this.options.modelPath,
      intraOpThreads: this.options.intraOpThreads,
      intraOpSpinning: this.options.intraOpSpinning,
      device: this.options.device,
      entry: new URL('./worker.ts', import.meta.url).href,
    };
    const worker = new Worker(WORKER_URL, { workerData: init });
    const slot: Slot = { worker, ready: false };
    this.slots[index] = slot;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          this.sig ??= msg.sig;
          this.provider ??= msg.provider;
          slot.ready = true;
          resolve();
          this.slotFreeListener();
        } else if (msg.type === 'init-error') {
          reject(new Error(msg.message));
          void worker.terminate();
        } else {
          this.settle(slot, msg);
        }
      });
      worker.on('error', (err) => this.log(`instance ${index} error: ${err.message}`));
      worker.on('exit', (code) => {
        const wasReady = slot.ready;
        slot.ready = false;
        const held = slot.running;
        slot.running = undefined;
        held?.reject(new RuntimeError('internal', `model instance ${index} exited (code ${code}) while running this request`));
        reject(new Error(`model instance ${index} exited (code ${code}) before it was ready`));
        if (this.closing || this.slots[index] !== slot) return;
        this.log(`instance ${index} exited with code ${code}; replacing it`);
        // One that never became ready would fail the same way again at once: retry slowly.
        const respawn = () => this.spawn(index).catch((err: Error) => this.log(`instance ${index} could not restart: ${err.message}`));
        if (wasReady) void respawn();
        else setTimeout(() => !this.closing && void respawn(), RESPAWN_DELAY_MS);
      });
    });
  }

  private settle(slot: Slot, msg: Extract<FromWorker, { type: 'result' | 'error' }>): void {
    const held = slot.running;
    if (!held || held.batchId !== msg.batchId) return;
    slot.running = undefined;
    if (msg.type === 'result') held.resolve(msg);
    else held.reject(new RuntimeError(isInvalidArgument(msg.message) ? 'bad_request' : 'internal', `inference failed: ${msg.message}`));
    this.slotFreeListener();
  }
}

/** ONNX Runtime's INVALID_ARGUMENT (status 2) is the request's fault, as Triton reports it (400). */
function isInvalidArgument(message: string): boolean {
  return /INVALID_ARGUMENT|: 2 :/.test(message);
}
