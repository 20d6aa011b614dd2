import { describe, expect, it } from 'vitest';
import { pickReplica } from './pick-replica';

const replicas = ['a', 'b', 'c'].map((id) => ({ id, socketPath: `/tmp/${id}` }));

describe('pickReplica', () => {
  const cases = [
    { name: 'fewest outstanding wins', load: { a: 3, b: 1, c: 2 }, rotation: 0, exclude: [], want: 'b' },
    { name: 'ties go to the first after the rotation offset', load: { a: 0, b: 0, c: 0 }, rotation: 1, exclude: [], want: 'b' },
    { name: 'rotation wraps around', load: { a: 0, b: 0, c: 0 }, rotation: 5, exclude: [], want: 'c' },
    { name: 'excluded replica is skipped even when idle', load: { a: 0, b: 4, c: 5 }, rotation: 0, exclude: ['a'], want: 'b' },
    { name: 'all excluded: none', load: {}, rotation: 0, exclude: ['a', 'b', 'c'], want: undefined },
  ];
  it.each(cases)('$name', ({ load, rotation, exclude, want }) => {
    const got = pickReplica(replicas, new Map(Object.entries(load)), rotation, new Set(exclude));
    expect(got?.id).toBe(want);
  });

  it('no replicas: none', () => {
    expect(pickReplica([], new Map(), 0)).toBeUndefined();
  });
});
