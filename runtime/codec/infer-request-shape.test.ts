import { describe, expect, it } from 'vitest';
import { InferRequest } from '../../protocol/kserve';
import { isPlainInferRequest } from './infer-request-shape';

const input = { name: 'x', datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: 8 } };

describe('isPlainInferRequest', () => {
  it.each<[string, unknown]>([
    ['binary inputs with outputs and parameters', { id: 'r', parameters: { binary_data_output: true }, inputs: [input], outputs: [{ name: 'y', parameters: { binary_data: true } }] }],
    ['JSON data, no outputs', { inputs: [{ name: 'x', datatype: 'INT64', shape: [2], data: [1, 2] }] }],
    ['no inputs at all', { inputs: [] }],
    ['unknown keys', { inputs: [{ ...input, extra: 1 }], extra: true }],
  ])('accepts %s, as the schema does', (_name, json) => {
    expect(isPlainInferRequest(json)).toBe(true);
    expect(InferRequest.safeParse(json).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a non-object body', [1]],
    ['null', null],
    ['a numeric id', { id: 1, inputs: [input] }],
    ['missing inputs', {}],
    ['inputs not an array', { inputs: {} }],
    ['an unknown datatype', { inputs: [{ ...input, datatype: 'FP8' }] }],
    ['a fractional dimension', { inputs: [{ ...input, shape: [1.5] }] }],
    ['a string dimension', { inputs: [{ ...input, shape: ['1'] }] }],
    ['array parameters', { inputs: [{ ...input, parameters: [] }] }],
    ['null data', { inputs: [{ ...input, data: null }] }],
    ['an output without a name', { inputs: [input], outputs: [{}] }],
    ['outputs not an array', { inputs: [input], outputs: { name: 'y' } }],
    ['null request parameters', { inputs: [input], parameters: null }],
  ])('leaves %s to the schema, which refuses it too', (_name, json) => {
    expect(isPlainInferRequest(json)).toBe(false);
    expect(InferRequest.safeParse(json).success).toBe(false);
  });
});
