import { describe, expect, it } from 'vitest';
import { encodeStrings } from './bytes-tensor';
import { encodeResponse } from './encode-response';
import { floatToHalf } from './fp16';
import type { RawTensor } from './types';

const u8 = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const tensors: RawTensor[] = [
  { name: 'sum', datatype: 'FP32', shape: [1, 2], bytes: u8(new Float32Array([1.5, -2])) },
  { name: 'ids', datatype: 'INT64', shape: [1, 2], bytes: u8(new BigInt64Array([7n, -1n])) },
  { name: 'h', datatype: 'FP16', shape: [1], bytes: u8(new Uint16Array([floatToHalf(0.5)])) },
  { name: 'b', datatype: 'BOOL', shape: [2], bytes: new Uint8Array([1, 0]) },
];
const base = { modelName: 'm', modelVersion: '1', tensors };

describe('encodeResponse', () => {
  it('answers JSON with flat data, echoing id, model name and version, in the requested order', () => {
    const r = encodeResponse({
      ...base,
      id: 'abc',
      requested: [
        { name: 'b', binary: false },
        { name: 'ids', binary: false },
        { name: 'h', binary: false },
        { name: 'sum', binary: false },
      ],
    });
    expect(r.contentType).toBe('application/json');
    expect(r.headerLength).toBeUndefined();
    expect(JSON.parse(r.body.toString())).toEqual({
      id: 'abc',
      model_name: 'm',
      model_version: '1',
      outputs: [
        { name: 'b', datatype: 'BOOL', shape: [2], data: [true, false] },
        { name: 'ids', datatype: 'INT64', shape: [1, 2], data: [7, -1] },
        { name: 'h', datatype: 'FP16', shape: [1], data: [0.5] },
        { name: 'sum', datatype: 'FP32', shape: [1, 2], data: [1.5, -2] },
      ],
    });
  });

  it('omits id when the request had none', () => {
    const r = encodeResponse({ ...base, requested: [{ name: 'sum', binary: false }] });
    expect(JSON.parse(r.body.toString())).not.toHaveProperty('id');
  });

  it('appends binary outputs after the JSON header, in order, with their sizes', () => {
    const r = encodeResponse({
      ...base,
      requested: [
        { name: 'ids', binary: true },
        { name: 'sum', binary: false },
        { name: 'b', binary: true },
      ],
    });
    expect(r.contentType).toBe('application/octet-stream');
    const head = JSON.parse(r.body.subarray(0, r.headerLength).toString());
    expect(head.outputs).toEqual([
      { name: 'ids', datatype: 'INT64', shape: [1, 2], parameters: { binary_data_size: 16 } },
      { name: 'sum', datatype: 'FP32', shape: [1, 2], data: [1.5, -2] },
      { name: 'b', datatype: 'BOOL', shape: [2], parameters: { binary_data_size: 2 } },
    ]);
    const tail = r.body.subarray(r.headerLength!);
    expect(tail.byteLength).toBe(18);
    expect(Array.from(new BigInt64Array(new Uint8Array(tail.subarray(0, 16)).buffer))).toEqual([7n, -1n]);
    expect(Array.from(tail.subarray(16))).toEqual([1, 0]);
  });

  it('reads values from a misaligned slice correctly', () => {
    const backing = new Uint8Array(9);
    backing.set(u8(new Float32Array([3, 4])), 1);
    const r = encodeResponse({
      modelName: 'm',
      modelVersion: '1',
      tensors: [{ name: 'y', datatype: 'FP32', shape: [2], bytes: backing.subarray(1) }],
      requested: [{ name: 'y', binary: false }],
    });
    expect(JSON.parse(r.body.toString()).outputs[0].data).toEqual([3, 4]);
  });

  it('answers BYTES as JSON strings, or as the length-prefixed binary form unchanged', () => {
    const s = encodeStrings(['héllo', '']);
    const strings: RawTensor = { name: 's', datatype: 'BYTES', shape: [1, 2], bytes: s };
    const json = encodeResponse({ ...base, tensors: [strings], requested: [{ name: 's', binary: false }] });
    expect(JSON.parse(json.body.toString()).outputs).toEqual([{ name: 's', datatype: 'BYTES', shape: [1, 2], data: ['héllo', ''] }]);
    const bin = encodeResponse({ ...base, tensors: [strings], requested: [{ name: 's', binary: true }] });
    expect(JSON.parse(bin.body.subarray(0, bin.headerLength).toString()).outputs[0].parameters).toEqual({ binary_data_size: s.byteLength });
    expect(Buffer.compare(bin.body.subarray(bin.headerLength!), Buffer.from(s))).toBe(0);
  });
});

