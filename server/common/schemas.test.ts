import { describe, expect, it } from 'vitest';
import { PathPositiveInt } from './schemas';

describe('PathPositiveInt', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['999999999', 999_999_999],
  ])('accepts %j as %d', (text, value) => {
    expect(PathPositiveInt.parse(text)).toBe(value);
  });

  it.each(['0', '01', '1e0', '0x1', '1.0', ' 1', '1 ', '+1', '-1', '', '1000000000', '１', '1\n'])('refuses %j', (text) => {
    expect(PathPositiveInt.safeParse(text).success).toBe(false);
  });
});
