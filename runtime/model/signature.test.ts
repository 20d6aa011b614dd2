import { describe, expect, it } from 'vitest';
import { servedMaxBatchSize, signatureFromOrt, tensorSigFromOrt, type ModelSig } from './signature';

describe('tensorSigFromOrt', () => {
  it('maps types and turns symbolic or unknown dims into -1', () => {
    expect(tensorSigFromOrt({ name: 'x', isTensor: true, type: 'float32', shape: ['p2o.DynamicDimension.0', 3, 'h', 192] })).toEqual({
      name: 'x',
      datatype: 'FP32',
      shape: [-1, 3, -1, 192],
    });
    expect(tensorSigFromOrt({ name: 'ids', isTensor: true, type: 'int64', shape: [] }).shape).toEqual([]);
  });

  it.each([
    ['a non-tensor value', { name: 'seq', isTensor: false }, /not a tensor/],
    ['an unsupported element type', { name: 's', isTensor: true, type: 'complex64', shape: [1] }, /unsupported element type/],
  ])('refuses %s', (_name, meta, message) => {
    expect(() => tensorSigFromOrt(meta)).toThrow(message);
  });

  it('reads inputs and outputs in order', () => {
    const sig = signatureFromOrt(
      [{ name: 'a', isTensor: true, type: 'bool', shape: [-1] }],
      [{ name: 'y', isTensor: true, type: 'float16', shape: [-1] }],
    );
    expect(sig.inputs.map((t) => t.datatype)).toEqual(['BOOL']);
    expect(sig.outputs.map((t) => t.datatype)).toEqual(['FP16']);
  });
});

describe('servedMaxBatchSize', () => {
  const sig = (inShape: number[], outShape: number[]): ModelSig => ({
    inputs: [{ name: 'x', datatype: 'FP32', shape: inShape }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: outShape }],
  });
  it.each<[string, ModelSig, number, number]>([
    ['dynamic first dims keep the configured size', sig([-1, 4], [-1, 4]), 32, 32],
    ['configured 0 stays 0', sig([-1, 4], [-1, 4]), 0, 0],
    ['a fixed first input dim runs unbatched', sig([2, 3], [2, 3]), 32, 0],
    ['a fixed first output dim runs unbatched', sig([-1, 3], [1]), 32, 0],
    ['an undeclared (rank-0) shape runs unbatched', sig([], []), 32, 0],
  ])('%s', (_name, s, configured, served) => {
    expect(servedMaxBatchSize(s, configured)).toBe(served);
  });
});
