/**
 * Joining requests into one batch along dim 0 and splitting the outputs back. The concat is
 * the one copy a request's bytes get after the socket read: straight from the body's chunks into
 * fresh ArrayBuffers that are then transferred to the worker. Pure.
 */
import { copyTensorBytes, tensorByteLength } from '../codec/body-chunks';
import { elementOffsets } from '../codec/bytes-tensor';
import type { DecodedRequest, RawTensor } from '../codec/types';
import type { WireTensor } from '../execution/messages';

/** Requests with equal keys can share a batch: same dtypes and per-item shapes. */
export function batchKey(request: DecodedRequest): string {
  return request.inputs.map((t) => `${t.name}:${t.datatype}:${t.shape.slice(1).join('x')}`).join('|');
}

/** Batched: concatenates along dim 0. Unbatched (`batched` false): exactly one request. */
export function concatInputs(requests: readonly DecodedRequest[], batched: boolean): WireTensor[] {
  const first = requests[0]!;
  if (!batched && requests.length !== 1) throw new Error('an unbatched model runs one request at a time');
  const items = requests.reduce((n, r) => n + r.items, 0);
  return first.inputs.map((spec, i) => {
    let byteLength = 0;
    for (const r of requests) byteLength += tensorByteLength(r.inputs[i]!.bytes);
    // Every byte is written below, so the zero fill of `new Uint8Array` would be wasted.
    const out = Buffer.allocUnsafeSlow(byteLength);
    let at = 0;
    for (const r of requests) at = copyTensorBytes(r.inputs[i]!.bytes, out, at);
    const shape = batched ? [items, ...spec.shape.slice(1)] : spec.shape;
    return { name: spec.name, datatype: spec.datatype, shape, buffer: out.buffer as ArrayBuffer };
  });
}

/**
 * Splits batch outputs back per request by item counts. Outputs must carry the batch in dim 0;
 * views share the transferred buffer (no copy).
 */
export function splitOutputs(outputs: readonly WireTensor[], itemsPerRequest: readonly number[], batched: boolean): RawTensor[][] {
  const whole = (o: WireTensor): RawTensor => ({ name: o.name, datatype: o.datatype, shape: o.shape, bytes: new Uint8Array(o.buffer) });
  if (!batched) return [outputs.map(whole)];
  const total = itemsPerRequest.reduce((a, b) => a + b, 0);
  const perRequest: RawTensor[][] = itemsPerRequest.map(() => []);
  for (const o of outputs) {
    if (o.shape[0] !== total) throw new Error(`output '${o.name}' has ${o.shape[0]} rows for a batch of ${total}`);
    const itemStart = itemOffsets(o, total);
    let at = 0;
    itemsPerRequest.forEach((items, i) => {
      const bytes = new Uint8Array(o.buffer, itemStart(at), itemStart(at + items) - itemStart(at));
      perRequest[i]!.push({ name: o.name, datatype: o.datatype, shape: [items, ...o.shape.slice(1)], bytes });
      at += items;
    });
  }
  return perRequest;
}


/** Byte offset where item k starts; BYTES elements vary in length, so their offsets are walked. */
function itemOffsets(o: WireTensor, total: number): (item: number) => number {
  if (o.datatype !== 'BYTES') {
    const itemBytes = o.buffer.byteLength / total;
    return (item) => item * itemBytes;
  }
  const perItem = o.shape.slice(1).reduce((n, d) => n * d, 1);
  const offsets = elementOffsets(new Uint8Array(o.buffer), `output '${o.name}'`);
  return (item) => offsets[item * perItem]!;
}
