import { describe, expect, it } from 'vitest';
import { restartDelayMs, restartsAfterCrash } from './backoff';

const policy = { baseMs: 500, maxMs: 4000, resetAfterMs: 60_000 };

describe('restartDelayMs', () => {
  it.each([
    [0, 0],
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [9, 4000],
  ])('restart %i waits %i ms', (restarts, want) => {
    expect(restartDelayMs(restarts, policy)).toBe(want);
  });
});

describe('restartsAfterCrash', () => {
  it.each([
    { name: 'a quick crash counts up', previous: 3, upForMs: 2_000, want: 4 },
    { name: 'a long healthy run starts over', previous: 3, upForMs: 60_000, want: 1 },
    { name: 'first crash', previous: 0, upForMs: 10, want: 1 },
  ])('$name', ({ previous, upForMs, want }) => {
    expect(restartsAfterCrash(previous, upForMs, policy)).toBe(want);
  });
});
