import { describe, expect, it } from 'vitest';
import { utcInputToIso } from './time-window';

describe('utcInputToIso', () => {
  it.each([
    ['2026-11-22T11:30', '2026-11-22T11:30:00.000Z'],
    ['2026-11-22T11:30:15', '2026-11-22T11:30:15.000Z'],
    ['', ''],
    ['2026-13-40T99:99', ''],
    ['yesterday', ''],
  ])('%j → %j', (value, expected) => {
    expect(utcInputToIso(value)).toBe(expected);
  });
});
