import { describe, expect, it } from 'vitest';
import { statsTargets, sumModelStats, type TritonStats } from './model-stats';
import type { RoutingTable } from './routing-table';

const table: RoutingTable = new Map([
  ['ep', { endpoint: 'ep', stableVersion: 1, replicas: new Map([[1, [{ id: 'a', socketPath: '/a' }, { id: 'b', socketPath: '/b' }]], [2, [{ id: 'c', socketPath: '/c' }]]]) }],
]);

const answer = (version: string, count: number, last: number): TritonStats => ({
  model_stats: [{ name: 'ep', version, last_inference: last, inference_count: count, execution_count: 1, inference_stats: { success: { count, ns: count * 10 } }, batch_stats: [{ batch_size: 1, compute_infer: { count: 1, ns: 5 } }] }],
});

describe('statsTargets', () => {
  it.each([
    ['every endpoint', undefined, undefined, { versions: 2, replicas: 3 }],
    ['one endpoint', 'ep', undefined, { versions: 2, replicas: 3 }],
    ['one version', 'ep', 1, { versions: 1, replicas: 2 }],
  ])('%s', (_name, endpoint, version, want) => {
    const t = statsTargets(table, endpoint, version);
    expect(t.ok && { versions: t.versions.length, replicas: t.replicas.length }).toEqual(want);
  });

  it.each([
    ['an unknown endpoint', 'nope', undefined, "Request for unknown model: 'nope' is not found"],
    ['an inherited name', '__proto__', undefined, "Request for unknown model: '__proto__' is not found"],
    ['a version not deployed', 'ep', 7, "Request for unknown model: 'ep' version 7 is not found"],
  ])('refuses %s', (_name, endpoint, version, message) => {
    expect(statsTargets(table, endpoint, version)).toEqual({ ok: false, message });
  });
});

describe('sumModelStats', () => {
  it('sums counts and durations over replicas, keeps the latest inference, and skips silent replicas', () => {
    const sum = sumModelStats([{ endpoint: 'ep', version: 1 }, { endpoint: 'ep', version: 2 }], [answer('1', 3, 100), answer('1', 4, 200), undefined]);
    expect(sum.model_stats).toEqual([
      { name: 'ep', version: '1', last_inference: 200, inference_count: 7, execution_count: 2, inference_stats: { success: { count: 7, ns: 70 } }, batch_stats: [{ batch_size: 1, compute_infer: { count: 2, ns: 10 } }] },
      { name: 'ep', version: '2', last_inference: 0, inference_count: 0, execution_count: 0, inference_stats: {}, batch_stats: [] },
    ]);
  });
});
