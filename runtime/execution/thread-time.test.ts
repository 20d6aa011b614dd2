import { describe, expect, it } from 'vitest';
import { computeNs, runQueueWaitNs } from './thread-time';

describe('computeNs', () => {
  it.each([
    ['wall less the wait', 10_000, 1_000, 4_000, 7_000],
    ['no readings: wall time', 10_000, undefined, undefined, 10_000],
    ['one reading missing: wall time', 10_000, 5, undefined, 10_000],
    ['a wait longer than the wall (clock skew) is never negative', 1_000, 0, 5_000, 0],
    ['a counter that went backwards counts as no wait', 1_000, 5_000, 0, 1_000],
  ])('%s', (_name, wall, before, after, expected) => {
    expect(computeNs(wall, before, after)).toBe(expected);
  });
});

describe('runQueueWaitNs', () => {
  it.runIf(process.platform === 'linux')('reads a non-decreasing counter on Linux', () => {
    const a = runQueueWaitNs();
    const b = runQueueWaitNs();
    expect(a).toBeTypeOf('number');
    expect(b!).toBeGreaterThanOrEqual(a!);
  });
});
