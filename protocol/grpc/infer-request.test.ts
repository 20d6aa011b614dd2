import { describe, expect, it } from 'vitest';
import { GrpcRequestError, toHttpInfer } from './infer-request';
import type { ModelInferRequestMsg } from './messages';

const base = (extra: Partial<ModelInferRequestMsg>): ModelInferRequestMsg => ({ model_name: 'm', model_version: '', id: '', inputs: [], ...extra });
const header = (req: ModelInferRequestMsg) => {
  const out = toHttpInfer(req);
  return { json: JSON.parse(out.chunks[0]!.toString()) as Record<string, unknown>, data: out.chunks.slice(1).map((c) => [...c]) };
};

describe('toHttpInfer', () => {
  it.each([
    ['raw contents become binary_data_size, outputs are asked for as binary', base({ id: 'a', inputs: [{ name: 'x', datatype: 'UINT8', shape: ['2'] }], raw_input_contents: [Buffer.from([1, 2])], outputs: [{ name: 'y' }] }), { json: { id: 'a', parameters: { binary_data_output: true }, inputs: [{ name: 'x', datatype: 'UINT8', shape: [2], parameters: { binary_data_size: 2 } }], outputs: [{ name: 'y', parameters: { binary_data: true } }] }, data: [[1, 2]] }],
    ['typed INT64 contents are written exactly, little-endian', base({ inputs: [{ name: 'x', datatype: 'INT64', shape: ['1'], contents: { int64_contents: ['-2'] } }] }), { json: { parameters: { binary_data_output: true }, inputs: [{ name: 'x', datatype: 'INT64', shape: [1], parameters: { binary_data_size: 8 } }] }, data: [[254, 255, 255, 255, 255, 255, 255, 255]] }],
    ['BYTES contents get 4-byte length prefixes', base({ inputs: [{ name: 's', datatype: 'BYTES', shape: ['1'], contents: { bytes_contents: [Buffer.from('hi')] } }] }), { json: { parameters: { binary_data_output: true }, inputs: [{ name: 's', datatype: 'BYTES', shape: [1], parameters: { binary_data_size: 6 } }] }, data: [[2, 0, 0, 0, 104, 105]] }],
    ['int64 parameters become JSON numbers', base({ parameters: { priority: { parameter_choice: 'int64_param', int64_param: '2' } } }), { json: { parameters: { priority: 2, binary_data_output: true }, inputs: [] }, data: [] }],
  ])('%s', (_name, req, want) => {
    expect(header(req)).toEqual(want);
  });

  it.each([
    ['more raw buffers than inputs', base({ inputs: [{ name: 'x', datatype: 'UINT8', shape: ['1'] }], raw_input_contents: [Buffer.alloc(1), Buffer.alloc(1)] }), /expected 1 raw_input_contents/],
    ['raw size not shape × datatype', base({ inputs: [{ name: 'x', datatype: 'FP32', shape: ['2'] }], raw_input_contents: [Buffer.alloc(4)] }), /has 4 bytes but shape \[2\] × FP32 needs 8/],
    ['contents that do not fill the shape', base({ inputs: [{ name: 'x', datatype: 'INT32', shape: ['3'], contents: { int_contents: [1] } }] }), /int_contents has 1 elements/],
    ['a value out of range', base({ inputs: [{ name: 'x', datatype: 'UINT8', shape: ['1'], contents: { uint_contents: [300] } }] }), /out of range for UINT8/],
    ['FP16 without raw contents', base({ inputs: [{ name: 'x', datatype: 'FP16', shape: ['1'] }] }), /FP16 must be sent in raw_input_contents/],
    ['both contents and raw contents', base({ inputs: [{ name: 'x', datatype: 'UINT8', shape: ['1'], contents: { uint_contents: [1] } }], raw_input_contents: [Buffer.alloc(1)] }), /both contents and raw_input_contents/],
    ['a dimension past 2^53', base({ inputs: [{ name: 'x', datatype: 'UINT8', shape: ['9223372036854775807'] }], raw_input_contents: [Buffer.alloc(1)] }), /out of range/],
  ])('refuses %s (INVALID_ARGUMENT)', (_name, req, message) => {
    expect(() => toHttpInfer(req)).toThrow(GrpcRequestError);
    expect(() => toHttpInfer(req)).toThrow(message);
  });
});
