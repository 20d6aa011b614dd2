import { describe, expect, it } from 'vitest';
import { BatchCalibration, CALIBRATION_DEFAULTS, type CalibrationOptions } from './batch-calibration';

// Three samples per size keeps the tables short; the default is CALIBRATION_DEFAULTS.samplesPerSize.
const make = (maxBatchSize = 8, over: Partial<Omit<CalibrationOptions, 'maxBatchSize'>> = {}) => new BatchCalibration({ ...CALIBRATION_DEFAULTS, samplesPerSize: 3, maxBatchSize, ...over });

/** A model whose per-item cost (ms) depends on the batch size: what a run of `items` costs. */
const costMs = (perItem: Record<number, number>) => (items: number) => perItem[items]! * items;

/** Drives the loop the scheduler runs under full load: ask the cap, run a batch that size, observe. */
function saturate(cal: BatchCalibration, cost: (items: number) => number, batches: number, startMs = 0, key = 'k'): number[] {
  const caps: number[] = [];
  for (let i = 0; i < batches; i++) {
    const nowMs = startMs + i;
    const cap = cal.capFor(key, nowMs);
    caps.push(cap);
    cal.observe(key, cap, cost(cap), nowMs);
  }
  return caps;
}

describe('BatchCalibration', () => {
  it('explores every size a few times, largest first, then settles on the cheapest per item', () => {
    const cal = make(8);
    const caps = saturate(cal, costMs({ 1: 1.1, 2: 1.05, 4: 1.0, 8: 1.4 }), 20);
    expect(caps.slice(0, 4)).toEqual([8, 4, 2, 1]);
    expect(caps.slice(0, 12).sort((a, b) => a - b)).toEqual([1, 1, 1, 2, 2, 2, 4, 4, 4, 8, 8, 8]);
    expect(caps.slice(12)).toEqual(Array(8).fill(4));
    expect(cal.profiles(20)[0]!.chosen).toBe(4);
  });

  it('a model that only gets cheaper settles on the largest batch', () => {
    const cal = make(8);
    expect(saturate(cal, costMs({ 1: 4, 2: 2, 4: 1, 8: 0.5 }), 16).at(-1)).toBe(8);
  });

  it('takes the median of a size: one batch slowed by interference does not move the choice', () => {
    const cal = make(4);
    saturate(cal, costMs({ 1: 1, 2: 0.8, 4: 0.7 }), 9);
    cal.observe('k', 4, 100, 10); // one run of batch 4 preempted for 100 ms
    expect(cal.capFor('k', 11)).toBe(4);
    expect(cal.profiles(11)[0]!.points.find((p) => p.batchSize === 4)!.perItemMs).toBeCloseTo(0.7);
  });

  it('by default needs five samples of each size before it settles', () => {
    const cal = new BatchCalibration({ ...CALIBRATION_DEFAULTS, maxBatchSize: 4 });
    const caps = saturate(cal, costMs({ 1: 1, 2: 0.8, 4: 0.7 }), 16);
    expect(caps.slice(0, 15).filter((c) => c === 1)).toHaveLength(5);
    expect(caps[15]).toBe(4);
  });

  it('explores again once samples are stale, and follows a change in cost', () => {
    const cal = make(4, { staleAfterMs: 1_000 });
    expect(saturate(cal, costMs({ 1: 1, 2: 0.8, 4: 0.7 }), 12).at(-1)).toBe(4);
    // Later batch 4 costs more (the host's load changed): once the samples are stale it is explored again.
    const later = saturate(cal, costMs({ 1: 0.5, 2: 0.6, 4: 0.9 }), 20, 5_000);
    expect(later.slice(0, 9).sort((a, b) => a - b)).toEqual([1, 1, 1, 2, 2, 2, 4, 4, 4]);
    expect(later.at(-1)).toBe(1);
  });

  it('keeps each batch key apart', () => {
    const cal = make(4);
    saturate(cal, costMs({ 1: 1, 2: 0.8, 4: 0.7 }), 12, 0, 'small');
    saturate(cal, costMs({ 1: 0.5, 2: 0.6, 4: 0.9 }), 12, 0, 'large');
    expect(cal.capFor('small', 20)).toBe(4);
    expect(cal.capFor('large', 20)).toBe(1);
  });

  it('under light load (batches never fill) the cap stays at maxBatchSize', () => {
    const cal = make(8);
    for (let t = 0; t < 50; t++) {
      expect(cal.capFor('k', t)).toBe(8);
      cal.observe('k', 1, 1, t); // one request at a time
    }
  });

  it('ignores sizes outside the profile and non-positive times', () => {
    const cal = make(8);
    cal.observe('k', 3, 3, 0);
    cal.observe('k', 8, 0, 0);
    cal.observe('k', 8, Number.NaN, 0);
    expect(cal.profiles(0)).toEqual([]);
  });

  it('an unbatched model (max 0 or 1) never caps', () => {
    expect(make(0).capFor('k', 0)).toBe(0);
    expect(make(1).capFor('k', 0)).toBe(1);
  });

  it('tracks at most maxKeys keys, dropping the least recently used', () => {
    const cal = make(4, { maxKeys: 2 });
    cal.observe('a', 1, 1, 0);
    cal.observe('b', 1, 1, 0);
    cal.capFor('a', 1);
    cal.observe('c', 1, 1, 2);
    expect(cal.profiles(3).map((p) => p.batchKey).sort()).toEqual(['a', 'c']);
  });

  it('reports per-size points with their sample counts', () => {
    const cal = make(2);
    saturate(cal, costMs({ 1: 1, 2: 0.75 }), 6);
    expect(cal.profiles(6)).toEqual([{ batchKey: 'k', chosen: 2, points: [{ batchSize: 1, perItemMs: 1, samples: 3 }, { batchSize: 2, perItemMs: 0.75, samples: 3 }] }]);
  });
});
