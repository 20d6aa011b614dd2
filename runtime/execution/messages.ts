/** Messages between the main thread and an instance's worker thread. */
import type { Datatype } from '../../protocol/datatypes';
import type { ModelSig } from '../model/signature';

/** A tensor whose buffer is transferred (not copied) between threads. */
export interface WireTensor {
  name: string;
  datatype: Datatype;
  shape: number[];
  buffer: ArrayBuffer;
}

export type Device = 'cpu' | 'cuda';

export interface WorkerInit {
  modelPath: string;
  intraOpThreads: number;
  /** `session.intra_op.allow_spinning`: off when threads share cores. */
  intraOpSpinning: boolean;
  device: Device;
  /** Set by the entry shim: the TS module to load. */
  entry?: string;
}

export type ToWorker = { type: 'run'; batchId: number; inputs: WireTensor[] };

export type FromWorker =
  | { type: 'ready'; sig: ModelSig; provider: Device }
  | { type: 'init-error'; message: string }
  /** `computeNs`: the batch's wall time less the time its thread waited for a CPU (thread-time.ts). */
  | { type: 'result'; batchId: number; outputs: WireTensor[]; inputNs: number; inferNs: number; outputNs: number; computeNs: number }
  | { type: 'error'; batchId: number; message: string };
