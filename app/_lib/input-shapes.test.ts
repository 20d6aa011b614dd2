import { describe, expect, it } from 'vitest';
import { formatInputShapes, parseInputShapes } from './input-shapes';

describe('parseInputShapes', () => {
  it.each([
    ['', []],
    ['x: 1,3,32,320', [{ name: 'x', shape: [1, 3, 32, 320] }]],
    ['x: [1, 3, 32, 320]; mask: 1 x 16', [{ name: 'x', shape: [1, 3, 32, 320] }, { name: 'mask', shape: [1, 16] }]],
    ['  x : 1×3×48×192 \n ids: 1,8 ', [{ name: 'x', shape: [1, 3, 48, 192] }, { name: 'ids', shape: [1, 8] }]],
    ['x', [{ name: 'x', shape: [] }]],
  ])('%j', (text, shapes) => {
    expect(parseInputShapes(text)).toEqual(shapes);
  });

  it('keeps what is not a number as NaN, for the API to refuse', () => {
    expect(parseInputShapes('x: 1,three')[0]!.shape).toEqual([1, Number.NaN]);
  });
});

describe('formatInputShapes', () => {
  it('lists each input with its shape', () => {
    expect(formatInputShapes([{ name: 'x', shape: [1, 3, 48, 192] }, { name: 'm', shape: [1, 16] }])).toBe('x [1, 3, 48, 192], m [1, 16]');
  });
});
