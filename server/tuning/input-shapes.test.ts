import { describe, expect, it } from 'vitest';
import { resolveInputShapes, type InputShape } from './input-shapes';
import type { SignatureTensor } from './synthetic-request';

// The demo model as registered (named dynamic dims), and a two-input model with a fixed batch.
const demo: SignatureTensor[] = [{ name: 'x', datatype: 'FP32', shape: ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2'] }];
const pair: SignatureTensor[] = [
  { name: 'a', datatype: 'FP32', shape: [1, 4] },
  { name: 'b', datatype: 'INT64', shape: [1, -1] },
];

describe('resolveInputShapes', () => {
  it.each<[string, SignatureTensor[], InputShape[] | undefined, InputShape[]]>([
    ['nothing given: the guess', demo, undefined, [{ name: 'x', shape: [1, 3, 48, 192] }]],
    ['the real size given', demo, [{ name: 'x', shape: [1, 3, 32, 320] }], [{ name: 'x', shape: [1, 3, 32, 320] }]],
    ['fixed batch dim kept; one input given, the other guessed', pair, [{ name: 'b', shape: [1, 16] }], [{ name: 'a', shape: [1, 4] }, { name: 'b', shape: [1, 16] }]],
    ['a fixed input may be restated', pair, [{ name: 'a', shape: [1, 4] }], [{ name: 'a', shape: [1, 4] }, { name: 'b', shape: [1, 8] }]],
  ])('%s', (_name, sig, given, shapes) => {
    expect(resolveInputShapes(sig, given)).toEqual({ ok: true, shapes });
  });

  it.each<[string, SignatureTensor[], InputShape[], string, RegExp]>([
    ['an input the model lacks', demo, [{ name: 'y', shape: [1, 3, 48, 192] }], 'inputShapes.0.name', /no input 'y'.*its inputs: x/],
    // A name from the client is looked up in a Map: an inherited key is just unknown.
    ['an inherited name', demo, [{ name: '__proto__', shape: [1] }], 'inputShapes.0.name', /no input '__proto__'/],
    ['the same input twice', demo, [{ name: 'x', shape: [1, 3, 48, 192] }, { name: 'x', shape: [1, 3, 48, 192] }], 'inputShapes.1.name', /twice/],
    ['wrong rank', demo, [{ name: 'x', shape: [1, 3, 48] }], 'inputShapes.0.shape', /4 dims \(\[\?, 3, \?, \?\]\), this one 3/],
    ['a fixed dim changed', demo, [{ name: 'x', shape: [1, 1, 48, 192] }], 'inputShapes.0.shape', /dim 1 is fixed at 3/],
    ['more than one item per request', demo, [{ name: 'x', shape: [8, 3, 48, 192] }], 'inputShapes.0.shape', /one item per request/],
  ])('refuses %s', (_name, sig, given, path, message) => {
    const r = resolveInputShapes(sig, given);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.path).toBe(path);
      expect(r.message).toMatch(message);
    }
  });

  it('refuses shapes whose request would pass the body limit', () => {
    const r = resolveInputShapes(demo, [{ name: 'x', shape: [1, 3, 4096, 4096] }], 64 * 1024 * 1024);
    expect(r).toEqual({ ok: false, path: 'inputShapes', message: expect.stringMatching(/201326592 bytes, over the 67108864-byte body limit/) });
  });

  it('refuses a model with an input it cannot make values for', () => {
    expect(resolveInputShapes([{ name: 's', datatype: 'BYTES', shape: [-1] }])).toEqual({ ok: false, path: 'inputShapes', message: expect.stringMatching(/'s' is BYTES/) });
  });
});
