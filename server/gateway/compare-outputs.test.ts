import { describe, expect, it } from 'vitest';
import { compareOutputs } from './compare-outputs';
import type { DecodedTensor } from './decode-response';

const t = (values: number[], shape = [values.length / 2, 2], name = 'probs'): DecodedTensor => ({ name, datatype: 'FP32', shape, values: Float64Array.from(values) });
const tol = { atol: 1e-3, rtol: 0 };
const str = (strings: string[]): DecodedTensor => ({ name: 'text', datatype: 'BYTES', shape: [1, strings.length], values: new Float64Array(0), strings });

describe('compareOutputs', () => {
  it.each([
    { name: 'identical outputs agree', stable: [t([0.1, 0.9, 0.8, 0.2])], cand: [t([0.1, 0.9, 0.8, 0.2])], want: { shapeMatch: true, maxAbsDiff: 0, withinTolerance: true, argmaxAgree: true, agree: true } },
    { name: 'a small difference within atol agrees', stable: [t([0.1, 0.9])], cand: [t([0.1005, 0.9])], want: { shapeMatch: true, withinTolerance: true, argmaxAgree: true, agree: true } },
    { name: 'beyond tolerance but same argmax: disagrees, argmax agrees', stable: [t([0.1, 0.9])], cand: [t([0.2, 0.8])], want: { shapeMatch: true, withinTolerance: false, argmaxAgree: true, agree: false } },
    { name: 'flipped class: argmax disagrees', stable: [t([0.4, 0.6])], cand: [t([0.6, 0.4])], want: { withinTolerance: false, argmaxAgree: false, agree: false } },
    { name: 'shape mismatch', stable: [t([0.1, 0.9])], cand: [t([0.1, 0.9, 0.2], [1, 3])], want: { shapeMatch: false, maxAbsDiff: Infinity, agree: false } },
    { name: 'missing output', stable: [t([0.1, 0.9])], cand: [t([0.1, 0.9], [1, 2], 'other')], want: { shapeMatch: false, agree: false } },
    { name: 'equal strings agree', stable: [str(['a', 'b'])], cand: [str(['a', 'b'])], want: { shapeMatch: true, maxAbsDiff: 0, withinTolerance: true, argmaxAgree: true, agree: true } },
    { name: 'one differing string disagrees, whatever the tolerance', stable: [str(['a', 'b'])], cand: [str(['a', 'c'])], want: { shapeMatch: true, withinTolerance: false, argmaxAgree: false, agree: false } },
    { name: 'strings against numbers are a shape mismatch', stable: [str(['a', 'b'])], cand: [t([0.1, 0.9], [1, 2], 'text')], want: { shapeMatch: false, agree: false } },
    { name: 'NaN never agrees', stable: [t([0.1, 0.9])], cand: [t([NaN, 0.9])], want: { shapeMatch: true, maxAbsDiff: Infinity, withinTolerance: false } },
  ])('$name', ({ stable, cand, want }) => {
    expect(compareOutputs(stable, cand, tol)).toMatchObject(want);
  });

  it('relative tolerance scales with the stable value', () => {
    expect(compareOutputs([t([1000, 0])], [t([1000.5, 0])], { atol: 0, rtol: 1e-3 }).withinTolerance).toBe(true);
    expect(compareOutputs([t([1000, 0])], [t([1002, 0])], { atol: 0, rtol: 1e-3 }).withinTolerance).toBe(false);
  });

  it('reports the largest absolute difference', () => {
    expect(compareOutputs([t([0.1, 0.9, 0.5, 0.5])], [t([0.1, 0.8, 0.5, 0.75])], tol).maxAbsDiff).toBeCloseTo(0.25, 9);
  });
});
