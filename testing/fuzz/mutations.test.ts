import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../onnx';
import { mutateStringElements } from './mutations';

/** 'ab', '', 'cde' in the binary form. */
const wire = Buffer.from([2, 0, 0, 0, 97, 98, 0, 0, 0, 0, 3, 0, 0, 0, 99, 100, 101]);
const PREFIXES = [0, 6, 10];

describe('mutateStringElements', () => {
  it('either cuts the data short or rewrites exactly one length prefix, never the element bytes', () => {
    const rand = mulberry32(7);
    const kinds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const out = mutateStringElements(rand, wire);
      if (out.length < wire.length) {
        expect(Buffer.compare(out, wire.subarray(0, out.length))).toBe(0);
        kinds.add('cut');
        continue;
      }
      const changed = PREFIXES.filter((at) => out.readUInt32LE(at) !== wire.readUInt32LE(at));
      expect(changed.length).toBeLessThanOrEqual(1);
      const rest = (b: Buffer) => Buffer.concat([b.subarray(4, 6), b.subarray(14)]);
      expect(Buffer.compare(rest(out), rest(wire))).toBe(0);
      kinds.add(changed.length ? 'length' : 'unchanged');
    }
    expect(kinds).toContain('cut');
    expect(kinds).toContain('length');
  });

  it('leaves its input alone', () => {
    const copy = Buffer.from(wire);
    mutateStringElements(mulberry32(1), wire);
    expect(Buffer.compare(copy, wire)).toBe(0);
  });
});
