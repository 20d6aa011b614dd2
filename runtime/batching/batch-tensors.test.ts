import { describe, expect, it } from 'vitest';
import { decodeStrings, encodeStrings } from '../codec/bytes-tensor';
import type { DecodedRequest } from '../codec/types';
import { batchKey, concatInputs, splitOutputs } from './batch-tensors';

const f32 = (...v: number[]) => new Uint8Array(new Float32Array(v).buffer);
const req = (items: number, values: number[], width = 2): DecodedRequest => ({
  inputs: [{ name: 'x', datatype: 'FP32', shape: [items, width], bytes: f32(...values) }],
  outputs: [{ name: 'y', binary: false }],
  items,
  priority: 0,
});

describe('batchKey', () => {
  it('is equal for equal per-item shapes whatever the item count', () => {
    expect(batchKey(req(1, [1, 2]))).toBe(batchKey(req(3, [1, 2, 3, 4, 5, 6])));
  });
  it('differs when per-item shapes differ', () => {
    expect(batchKey(req(1, [1, 2]))).not.toBe(batchKey(req(1, [1, 2, 3], 3)));
  });
});

describe('concatInputs / splitOutputs', () => {
  it('concatenates along dim 0 and splits outputs back by item counts', () => {
    const requests = [req(1, [1, 2]), req(2, [3, 4, 5, 6])];
    const [x] = concatInputs(requests, true);
    expect(x!.shape).toEqual([3, 2]);
    expect(Array.from(new Float32Array(x!.buffer))).toEqual([1, 2, 3, 4, 5, 6]);

    const y = { name: 'y', datatype: 'FP32' as const, shape: [3, 2], buffer: new Float32Array([10, 20, 30, 40, 50, 60]).buffer };
    const [a, b] = splitOutputs([y], [1, 2], true);
    expect(a![0]!.shape).toEqual([1, 2]);
    expect(Array.from(new Float32Array(a![0]!.bytes.slice().buffer))).toEqual([10, 20]);
    expect(b![0]!.shape).toEqual([2, 2]);
    expect(Array.from(new Float32Array(b![0]!.bytes.slice().buffer))).toEqual([30, 40, 50, 60]);
  });

  it('copies the inputs into a fresh buffer (safe to transfer)', () => {
    const r = req(1, [1, 2]);
    const [x] = concatInputs([r], true);
    expect(x!.buffer).not.toBe((r.inputs[0]!.bytes as Uint8Array).buffer);
  });

  it('joins an input held as views of several body chunks in order', () => {
    const whole = f32(1, 2, 3, 4);
    const chunked: DecodedRequest = { ...req(1, []), inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 2], bytes: [whole.subarray(0, 3), whole.subarray(3, 8)] }] };
    const [x] = concatInputs([chunked, req(1, [3, 4])], true);
    expect(x!.buffer.byteLength).toBe(16);
    expect(Array.from(new Float32Array(x!.buffer))).toEqual([1, 2, 3, 4]);
  });

  it('keeps full shapes for an unbatched model', () => {
    const [x] = concatInputs([req(2, [1, 2, 3, 4])], false);
    expect(x!.shape).toEqual([2, 2]);
    const y = { name: 'y', datatype: 'FP32' as const, shape: [7], buffer: new ArrayBuffer(28) };
    expect(splitOutputs([y], [1], false)[0]![0]!.shape).toEqual([7]);
  });

  it('refuses outputs whose dim 0 is not the batch', () => {
    const y = { name: 'y', datatype: 'FP32' as const, shape: [2], buffer: new ArrayBuffer(8) };
    expect(() => splitOutputs([y], [1, 2], true)).toThrow(/2 rows for a batch of 3/);
  });

  it('joins BYTES inputs and splits BYTES outputs at element boundaries of unequal lengths', () => {
    const strReq = (items: number, values: string[]): DecodedRequest => ({
      inputs: [{ name: 's', datatype: 'BYTES', shape: [items, 2], bytes: encodeStrings(values) }],
      outputs: [{ name: 'y', binary: false }],
      items,
      priority: 0,
    });
    const [s] = concatInputs([strReq(1, ['a', 'bcd']), strReq(2, ['', 'ef', 'ghij', 'k'])], true);
    expect(s!.shape).toEqual([3, 2]);
    expect(decodeStrings(new Uint8Array(s!.buffer))).toEqual(['a', 'bcd', '', 'ef', 'ghij', 'k']);

    const y = { name: 'y', datatype: 'BYTES' as const, shape: [3, 2], buffer: encodeStrings(['A', 'BCD', '', 'EF', 'GHIJ', 'K']).buffer as ArrayBuffer };
    const [a, b] = splitOutputs([y], [1, 2], true);
    expect(a![0]!.shape).toEqual([1, 2]);
    expect(decodeStrings(a![0]!.bytes)).toEqual(['A', 'BCD']);
    expect(b![0]!.shape).toEqual([2, 2]);
    expect(decodeStrings(b![0]!.bytes)).toEqual(['', 'EF', 'GHIJ', 'K']);
  });
});
