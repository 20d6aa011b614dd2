import { describe, expect, it } from 'vitest';
import { chooseBatchSize, profileSizes, type ProfilePoint } from './batch-profile';

const points = (byBatch: Record<number, number>): ProfilePoint[] => Object.entries(byBatch).map(([b, perItemMs]) => ({ batchSize: Number(b), perItemMs }));

describe('profileSizes', () => {
  it.each([
    [0, []],
    [1, []],
    [2, [1, 2]],
    [8, [1, 2, 4, 8]],
    [32, [1, 2, 4, 8, 16, 32]],
    [24, [1, 2, 4, 8, 16, 24]],
  ])('max %i -> %j', (max, sizes) => {
    expect(profileSizes(max)).toEqual(sizes);
  });
});

describe('chooseBatchSize', () => {
  it.each<[string, ProfilePoint[], number | undefined]>([
    // Per-item ms of the demo model on one thread (bench/inprocess.ts): cheapest at 4.
    ['cache-bound model: the knee, not the largest', points({ 1: 1.078, 2: 1.05, 4: 1.029, 8: 1.314, 16: 1.54, 32: 1.58 }), 4],
    ['equals within 5 % go to the larger batch', points({ 1: 1.0, 2: 0.6, 4: 0.51, 8: 0.5, 16: 0.52, 32: 0.7 }), 16],
    ['ever cheaper: the largest', points({ 1: 4, 2: 2.2, 4: 1.3, 8: 0.9, 16: 0.7, 32: 0.6 }), 32],
    ['batch 1 alone cheapest', points({ 1: 1, 2: 1.2, 4: 1.5 }), 1],
    // The same model on two threads: not monotone, the dip at 8 wins.
    ['non-monotone: the dip wins', points({ 1: 1.39, 4: 0.814, 8: 0.748, 16: 0.856, 32: 0.814 }), 8],
    ['nothing measured', [], undefined],
    ['zero costs ignored', points({ 4: 0 }), undefined],
  ])('%s', (_name, pts, expected) => {
    expect(chooseBatchSize(pts)).toBe(expected);
  });

  it('a tolerance of 0 picks the exact cheapest', () => {
    expect(chooseBatchSize(points({ 4: 0.51, 8: 0.5, 16: 0.52 }), 0)).toBe(8);
  });
});
