import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors';
import { checkBinaryStrings, decodeStrings, elementOffsets, encodeStrings, stringsFromJson } from './bytes-tensor';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('encodeStrings / decodeStrings', () => {
  it.each<[string, string[], number[]]>([
    ['no elements', [], []],
    ['an empty string', [''], [0, 0, 0, 0]],
    ['ASCII', ['hi', 'a'], [2, 0, 0, 0, 104, 105, 1, 0, 0, 0, 97]],
    ['UTF-8 counts bytes, not characters', ['é'], [2, 0, 0, 0, 0xc3, 0xa9]],
  ])('%s', (_name, strings, wire) => {
    expect(Array.from(encodeStrings(strings))).toEqual(wire);
    expect(decodeStrings(Uint8Array.from(wire))).toEqual(strings);
  });

  it('owns a whole buffer (transferable between threads)', () => {
    const out = encodeStrings(['abc']);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(out.byteLength);
  });

  it('decodes a view that starts inside a larger buffer', () => {
    const whole = Uint8Array.from([9, 9, 1, 0, 0, 0, 120]);
    expect(decodeStrings(whole.subarray(2))).toEqual(['x']);
  });
});

describe('elementOffsets', () => {
  it.each<[string, Uint8Array, number[] | RegExp]>([
    ['empty', bytes(), [0]],
    ['two elements', bytes(1, 0, 0, 0, 97, 0, 0, 0, 0), [0, 5, 9]],
    ['a length past the end', bytes(1, 0, 0, 0, 97, 9, 0, 0, 0, 1), /element 1 claims 9 bytes but 1 remain/],
    ['a cut prefix', bytes(0, 0, 0, 0, 1, 0), /element 1 has a cut length prefix \(2 of 4 bytes\)/],
    ['a length near 2^32', bytes(0xff, 0xff, 0xff, 0xff), /element 0 claims 4294967295 bytes but 0 remain/],
  ])('%s', (_name, input, want) => {
    if (want instanceof RegExp) expect(() => elementOffsets(input, 'x')).toThrow(want);
    else expect(elementOffsets(input, 'x')).toEqual(want);
  });
});

describe('checkBinaryStrings / stringsFromJson refuse with 400', () => {
  const status = (fn: () => unknown): number | undefined => {
    try {
      fn();
    } catch (err) {
      return err instanceof RuntimeError ? err.status : -1;
    }
    return undefined;
  };
  it.each<[string, () => unknown, number | undefined]>([
    ['the right count of valid elements passes', () => checkBinaryStrings(encodeStrings(['a', 'b']), 2, 's'), undefined],
    ['too many elements', () => checkBinaryStrings(encodeStrings(['a', 'b', 'c']), 2, 's'), 400],
    ['invalid UTF-8', () => checkBinaryStrings(bytes(1, 0, 0, 0, 0xff), 1, 's'), 400],
    ['strings pass', () => stringsFromJson(['a', ''], 's'), undefined],
    ['a boolean in JSON', () => stringsFromJson(['a', true], 's'), 400],
    ['a nested null', () => stringsFromJson([null], 's'), 400],
  ])('%s', (_name, fn, want) => {
    expect(status(fn)).toBe(want);
  });
});
