import { describe, expect, it } from 'vitest';
import { emptyCell, type Cell } from './cells';
import { toSeries } from './points';
import { fitStepMs, spreadCells } from './resample';

describe('fitStepMs', () => {
  it.each([
    ['1 s steps over live seconds and 10 s rows stay', 1_000, [1_000, 10_000], 1_000],
    ['5 s steps divide 10 s rows', 5_000, [1_000, 10_000], 5_000],
    ['a 3 s step over 10 s rows rounds up to 10 s', 3_000, [1_000, 10_000], 10_000],
    ['a 15 s step over 10 s rows rounds up to 20 s', 15_000, [10_000], 20_000],
    ['a 40 s step over 10 s and 1 min rows rounds up to 60 s', 40_000, [60_000, 10_000], 60_000],
    ['live seconds alone take any whole-second step', 7_000, [1_000], 7_000],
  ])('%s', (_, step, spans, want) => {
    expect(fitStepMs(step, spans)).toBe(want);
  });
});

const row = (atMs: number, over: Partial<Cell>): Cell => ({ ...emptyCell(1, atMs), ...over });

describe('spreadCells', () => {
  it.each([
    ['a 10 s row of 1,000 requests in 1 s steps: 100 a step', 10_000, 1_000, 1_000, 10, 100],
    ['a 10 s row in 5 s steps: two halves', 10_000, 5_000, 1_000, 2, 500],
    ['an odd count shares fractionally, never above the row\'s rate', 10_000, 1_000, 1_005, 10, 100.5],
    ['a row as coarse as the step is kept', 10_000, 10_000, 1_000, 1, 1_000],
  ])('%s', (_, span, step, requests, parts, each) => {
    const out = spreadCells([row(20_000, { requests })], span, step);
    expect(out.map((c) => c.atMs)).toEqual(Array.from({ length: parts }, (_, i) => 20_000 + i * step));
    expect(out.every((c) => c.requests === each)).toBe(true);
  });

  it('keeps the row\'s ratios and latency distribution in every step', () => {
    const latency = new Map([[1_000, 90], [50_000, 10]]);
    const [first, last] = [0, 9].map((i) => spreadCells([row(0, { requests: 100, errors: 10, rejected: 20, cacheHits: 30, cacheMisses: 70, batches: 5, batchedItems: 50, queueDepthSum: 40, queueDepthSamples: 10, latency })], 10_000, 1_000)[i]!);
    for (const c of [first!, last!]) {
      expect(c).toMatchObject({ requests: 10, errors: 1, rejected: 2, cacheHits: 3, cacheMisses: 7 });
      expect(c.batchedItems / c.batches).toBe(10);
      expect(c.queueDepthSum / c.queueDepthSamples).toBe(4);
      expect(c.latency).toEqual(latency);
      expect(c.latency).not.toBe(latency);
    }
  });

  it('refuses a step that does not divide the row', () => {
    expect(() => spreadCells([row(0, { requests: 1 })], 10_000, 3_000)).toThrow(/does not divide/);
  });
});

describe('a range spanning 10 s rollups and live seconds, in 1 s steps', () => {
  // 20 s of a steady 100 req/s: two 10 s rollup rows, then 10 live seconds.
  const from = 1_000_000_000_000;
  const rollups = spreadCells([row(from, { requests: 1_000 }), row(from + 10_000, { requests: 1_000 })], 10_000, 1_000);
  const live = Array.from({ length: 10 }, (_, i) => row(from + 20_000 + i * 1_000, { requests: 100 }));
  const [series] = toSeries([...rollups, ...live], from, 1_000, 30);

  it('draws the steady rate it served, never 1,000 req/s spikes with zeros between', () => {
    expect(series!.points.map((p) => p.rps)).toEqual(Array.from({ length: 30 }, () => 100));
  });

  it('shows whole counts that add up to the rows', () => {
    const odd = toSeries(spreadCells([row(from, { requests: 1_005, errors: 3 })], 10_000, 1_000), from, 1_000, 10)[0]!.points;
    expect(odd.every((p) => Number.isInteger(p.requests) && Number.isInteger(p.errors))).toBe(true);
    expect(odd.reduce((n, p) => n + p.requests, 0)).toBe(1_005);
    expect(odd.reduce((n, p) => n + p.errors, 0)).toBe(3);
    expect(Math.max(...odd.map((p) => p.rps))).toBe(100.5);
  });
});
