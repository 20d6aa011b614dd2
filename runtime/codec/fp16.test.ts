import { describe, expect, it } from 'vitest';
import { floatToHalf, halfToFloat } from './fp16';

describe('floatToHalf / halfToFloat', () => {
  it.each([
    ['zero', 0, 0x0000],
    ['negative zero', -0, 0x8000],
    ['one', 1, 0x3c00],
    ['minus two', -2, 0xc000],
    ['one third rounds to nearest', 1 / 3, 0x3555],
    ['largest finite', 65504, 0x7bff],
    ['overflow becomes infinity', 70000, 0x7c00],
    ['infinity', Infinity, 0x7c00],
    ['smallest subnormal', 2 ** -24, 0x0001],
    ['below half the smallest subnormal flushes to zero', 2 ** -26, 0x0000],
    ['largest subnormal', 1023 * 2 ** -24, 0x03ff],
    ['ties round to even (2049 → 2048)', 2049, 0x6800],
    ['ties round to even (2051 → 2052)', 2051, 0x6802],
  ])('%s', (_name, value, bits) => {
    expect(floatToHalf(value)).toBe(bits);
  });

  it('encodes NaN as a NaN', () => {
    expect(Number.isNaN(halfToFloat(floatToHalf(NaN)))).toBe(true);
  });

  it.each([0x0000, 0x0001, 0x03ff, 0x0400, 0x3c00, 0x3555, 0x7bff, 0xc000, 0xfbff])(
    'round-trips the half value 0x%s exactly',
    (bits) => {
      expect(floatToHalf(halfToFloat(bits))).toBe(bits);
    },
  );

  it('decodes infinities', () => {
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
  });
});
