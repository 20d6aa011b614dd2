import { describe, expect, it } from 'vitest';
import { batchCapOf } from './scratch-runtime';
import { concreteShape, syntheticRequest } from './synthetic-request';

describe('concreteShape', () => {
  it.each<[(number | string)[], number[]]>([
    [[-1, 3, -1, -1], [1, 3, 48, 192]],
    [['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'], [1, 3, 48, 192]],
    [[-1, 4], [1, 4]],
    [[2, -1], [2, 8]],
  ])('%j → %j', (shape, expected) => expect(concreteShape(shape)).toEqual(expected));
});

describe('batchCapOf', () => {
  const input = (shape: (number | string)[]) => ({ name: 'x', datatype: 'FP32', shape });
  it.each<[string, (number | string)[][], number]>([
    ['-1 batch dim', [[-1, 3]], 64],
    // The demo model, as registered: its batch dim carries a symbolic name.
    ['named batch dim', [['p2o.DynamicDimension.0', 3, 48, 192]], 64],
    ['fixed batch dim', [[1, 3]], 0],
    ['one input fixed', [[-1, 3], [2, 3]], 0],
    ['a scalar input', [[]], 0],
  ])('%s', (_name, shapes, cap) => expect(batchCapOf(shapes.map(input))).toBe(cap));
});

describe('syntheticRequest', () => {
  it('makes a binary request with every input, one item each, and its header length', () => {
    const r = syntheticRequest([
      { name: 'x', datatype: 'FP32', shape: [-1, 3, -1, -1] },
      { name: 'ids', datatype: 'INT64', shape: [-1, 5] },
    ]);
    const headerLength = Number(r.headers['inference-header-content-length']);
    const header = JSON.parse(r.body.subarray(0, headerLength).toString());
    expect(header.inputs).toEqual([
      { name: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], parameters: { binary_data_size: 3 * 48 * 192 * 4 } },
      { name: 'ids', datatype: 'INT64', shape: [1, 5], parameters: { binary_data_size: 40 } },
    ]);
    expect(r.body.length).toBe(headerLength + 3 * 48 * 192 * 4 + 40);
    const floats = new Float32Array(r.body.buffer.slice(r.body.byteOffset + headerLength, r.body.byteOffset + headerLength + 64));
    for (const f of floats) expect(Math.abs(f)).toBeLessThan(1);
    expect([...r.body.subarray(r.body.length - 40)].every((b) => b === 0)).toBe(true);
  });

  it('takes the shapes a run gives, and guesses only the inputs it does not name', () => {
    const r = syntheticRequest(
      [
        { name: 'x', datatype: 'FP32', shape: [-1, 3, -1, -1] },
        { name: 'ids', datatype: 'INT64', shape: [-1, -1] },
      ],
      [{ name: 'x', shape: [1, 3, 32, 100] }],
    );
    const header = JSON.parse(r.body.subarray(0, Number(r.headers['inference-header-content-length'])).toString());
    expect(header.inputs.map((i: { shape: number[] }) => i.shape)).toEqual([
      [1, 3, 32, 100],
      [1, 8],
    ]);
  });

  it('refuses a datatype it cannot make', () => {
    expect(() => syntheticRequest([{ name: 's', datatype: 'BYTES', shape: [-1] }])).toThrow(/BYTES/);
  });
});
