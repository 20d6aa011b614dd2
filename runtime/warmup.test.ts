import { describe, expect, it } from 'vitest';
import { decodeStrings } from './codec/bytes-tensor';
import type { ModelSig } from './model/signature';
import { warmupSizes, zeroInputs } from './warmup';

describe('warmupSizes', () => {
  it.each<[string, number, number[], number[]]>([
    ['preferred sizes when given, sorted and unique', 32, [16, 4, 16], [4, 16]],
    ['otherwise batch 1 and the max batch size', 32, [], [1, 32]],
    ['one run at the model shape when unbatched', 0, [], [0]],
  ])('%s', (_name, max, preferred, sizes) => {
    expect(warmupSizes(max, preferred)).toEqual(sizes);
  });
});

describe('zeroInputs', () => {
  const sig: ModelSig = {
    inputs: [
      { name: 'x', datatype: 'FP32', shape: [-1, 3, -1, 192] },
      { name: 'ids', datatype: 'INT64', shape: [-1, 2] },
    ],
    outputs: [],
  };
  it('uses the batch size for dim 0 and 1 for other dynamic dims, zero-filled', () => {
    const [x, ids] = zeroInputs(sig, 4);
    expect(x!.shape).toEqual([4, 3, 1, 192]);
    expect(x!.buffer.byteLength).toBe(4 * 3 * 192 * 4);
    expect(new Float32Array(x!.buffer).every((v) => v === 0)).toBe(true);
    expect(ids!.shape).toEqual([4, 2]);
    expect(ids!.buffer.byteLength).toBe(4 * 2 * 8);
  });
  it('keeps the full model shape for an unbatched model (size 0)', () => {
    const [x] = zeroInputs({ inputs: [{ name: 'x', datatype: 'FP32', shape: [2, 3] }], outputs: [] }, 0);
    expect(x!.shape).toEqual([2, 3]);
  });
  it('gives BYTES inputs 4 zero bytes per element: empty strings in the binary form', () => {
    const [s] = zeroInputs({ inputs: [{ name: 's', datatype: 'BYTES', shape: [-1, 3] }], outputs: [] }, 2);
    expect(decodeStrings(new Uint8Array(s!.buffer))).toEqual(['', '', '', '', '', '']);
  });
});
