/**
 * One model instance: an ONNX Runtime session on its own thread, because `session.run()` does
 * its native work on the calling thread and would block the main event loop for the whole batch.
 * Input and output buffers are transferred, never copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import type { Datatype } from '../../protocol/datatypes';
import { ORT_TYPE, datatypeFromOrt } from '../../protocol/datatypes';
import { decodeStrings, encodeStrings } from '../codec/bytes-tensor';
import { typedArrayOf, type NumericDatatype } from '../codec/tensor-values';
import { signatureFromOrt } from '../model/signature';
import type { FromWorker, ToWorker, WireTensor, WorkerInit } from './messages';
import { computeNs, runQueueWaitNs } from './thread-time';

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

async function main(): Promise<void> {
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(init.modelPath, {
      intraOpNumThreads: init.intraOpThreads,
      interOpNumThreads: 1,
      // Spinning threads burn a core while they wait for work; on a shared host that core is someone's.
      extra: { session: { intra_op: { allow_spinning: init.intraOpSpinning ? '1' : '0' }, inter_op: { allow_spinning: init.intraOpSpinning ? '1' : '0' } } },
      executionProviders: [init.device],
    });
    const sig = signatureFromOrt(session.inputMetadata, session.outputMetadata);
    // No CPU fallback is listed, so a session that exists runs on the provider asked for.
    send({ type: 'ready', sig, provider: init.device });
  } catch (err) {
    send({ type: 'init-error', message: (err as Error).message });
    return;
  }
  port.on('message', (msg: ToWorker) => void run(session, msg.batchId, msg.inputs));
}

async function run(session: ort.InferenceSession, batchId: number, inputs: WireTensor[]): Promise<void> {
  try {
    const wait0 = runQueueWaitNs();
    const t0 = process.hrtime.bigint();
    const feeds: Record<string, ort.Tensor> = {};
    for (const t of inputs) {
      // ONNX Runtime takes string tensors as a JS string array, not a buffer.
      const data = t.datatype === 'BYTES' ? decodeStrings(new Uint8Array(t.buffer)) : typedArrayOf(t.datatype as NumericDatatype, t.buffer);
      feeds[t.name] = new ort.Tensor(ORT_TYPE[t.datatype] as ort.Tensor.Type, data as ort.Tensor.DataType, t.shape);
    }
    const t1 = process.hrtime.bigint();
    const results = await session.run(feeds);
    const t2 = process.hrtime.bigint();
    const outputs: WireTensor[] = Object.entries(results).map(([name, value]) => toWire(name, value as ort.Tensor));
    const t3 = process.hrtime.bigint();
    const spentNs = computeNs(Number(t3 - t0), wait0, runQueueWaitNs());
    send(
      { type: 'result', batchId, outputs, inputNs: Number(t1 - t0), inferNs: Number(t2 - t1), outputNs: Number(t3 - t2), computeNs: spentNs },
      outputs.map((o) => o.buffer),
    );
  } catch (err) {
    send({ type: 'error', batchId, message: (err as Error).message });
  }
}

function toWire(name: string, tensor: ort.Tensor): WireTensor {
  const datatype: Datatype | undefined = datatypeFromOrt(tensor.type);
  if (!datatype) throw new Error(`output '${name}' has unsupported type ${tensor.type}`);
  if (datatype === 'BYTES') return { name, datatype, shape: [...tensor.dims], buffer: encodeStrings(tensor.data as string[]).buffer as ArrayBuffer };
  const view = tensor.data as ArrayBufferView;
  // Transfer the output's own buffer when it is exactly the tensor; otherwise copy it out.
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer;
  const buffer = whole ? (view.buffer as ArrayBuffer) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength).slice().buffer;
  return { name, datatype, shape: [...tensor.dims], buffer };
}

void main();
