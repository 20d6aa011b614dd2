import { describe, expect, it } from 'vitest';
import { nextRollupWindow, retentionCutoffs, ROLLUP_10S_MS, ROLLUP_1M_MS } from './rollup-plan';

const T = 1_699_999_980_000; // on the 10 s and 1 min grids

describe('nextRollupWindow', () => {
  it.each([
    ['first run folds from the oldest data, aligned down', null, T + 25_000, T + 3_000, ROLLUP_10S_MS, { fromMs: T, toMs: T + 20_000 }],
    ['continues where the last run stopped', T + 20_000, T + 41_000, T, ROLLUP_10S_MS, { fromMs: T + 20_000, toMs: T + 40_000 }],
    ['nothing closed yet', T + 20_000, T + 29_999, T, ROLLUP_10S_MS, null],
    ['a watermark older than the data jumps forward', T - 3_600_000, T + 15_000, T, ROLLUP_10S_MS, { fromMs: T, toMs: T + 10_000 }],
    ['minutes close only when their 10 s rows are written', T, T + 110_000, T - 86_400_000, ROLLUP_1M_MS, { fromMs: T, toMs: T + 60_000 }],
    ['a minute whose last 10 s row is missing waits', T + 60_000, T + 110_000, T, ROLLUP_1M_MS, null],
  ] as const)('%s', (_, done, available, oldest, res, expected) => {
    expect(nextRollupWindow(done, available, oldest, res)).toEqual(expected);
  });
});

describe('retentionCutoffs', () => {
  it('keeps 10 s rows 24 h and 1 min rows 30 days', () => {
    expect(retentionCutoffs(T)).toEqual({ before10sMs: T - 86_400_000, before1mMs: T - 30 * 86_400_000 });
  });
});
