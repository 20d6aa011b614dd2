import { describe, expect, it } from 'vitest';
import { routingTableJson, type ReplicaAddress } from '../gateway/routing-table';
import type { DesiredVersion } from '../supervisor/desired-state';
import { buildRoutingTable } from './build-routing-table';

const dv = (endpoint: string, version: number, stable: boolean): DesiredVersion => ({
  endpoint,
  endpointId: 1,
  version,
  versionId: version,
  modelPath: '/m.onnx',
  config: {} as DesiredVersion['config'],
  replicas: 1,
  stable,
  configHash: 'h',
});
const r = (id: string): ReplicaAddress => ({ id, socketPath: `/s/${id}` });

describe('buildRoutingTable', () => {
  it('routes each endpoint to its stable version with the ready replicas of every version', () => {
    const table = buildRoutingTable([dv('a', 1, true), dv('a', 2, false)], new Map([['a', new Map([[1, [r('x')]], [2, [r('y')]]])]]), new Map(), new Map());
    expect(table).toEqual(new Map([['a', { endpoint: 'a', stableVersion: 1, replicas: new Map([[1, [r('x')]], [2, [r('y')]]]) }]]));
  });

  it.each([
    ['minReplicas 0: kept with no replica, requests held while one starts', { minReplicas: 0, maxReplicas: 2 }, true],
    ['minReplicas 1: a missing replica is an outage, answered at once', { minReplicas: 1, maxReplicas: 2 }, false],
    ['no policy: fixed replicas', undefined, false],
  ])('an endpoint with %s', (_name, autoscaling, held) => {
    const d = { ...dv('a', 1, true), replicas: 0, config: { autoscaling } as unknown as DesiredVersion['config'] };
    const table = buildRoutingTable([d], new Map(), new Map(), new Map());
    expect(table.get('a')?.replicas).toEqual(new Map());
    expect(table.get('a')?.coldStart !== undefined).toBe(held);
  });

  it('applies the rollout overlay', () => {
    const overlay = { canary: { version: 2, weightPct: 20, stickyHeader: 'k' } };
    const table = buildRoutingTable([dv('a', 1, true)], new Map(), new Map([['a', overlay]]), new Map());
    expect(table.get('a')).toMatchObject({ stableVersion: 1, replicas: new Map(), canary: overlay.canary });
  });

  it.each([
    { name: 'new stable not ready yet: the previous version keeps serving', ready: [[1, ['old']]], handoff: 1, want: 1 },
    { name: 'new stable ready: it serves', ready: [[1, ['old']], [2, ['new']]], handoff: 1, want: 2 },
    { name: 'neither ready: stable (the gateway answers 503)', ready: [], handoff: 1, want: 2 },
    { name: 'no handoff: stable', ready: [[1, ['old']]], handoff: undefined, want: 2 },
  ])('$name', ({ ready, handoff, want }) => {
    const readyMap = new Map([['a', new Map(ready.map(([v, ids]) => [v as number, (ids as string[]).map(r)]))]]);
    const table = buildRoutingTable([dv('a', 2, true)], readyMap, new Map(), new Map(handoff === undefined ? [] : [['a', handoff]]));
    expect(table.get('a')!.stableVersion).toBe(want);
  });

  it('omits versions without ready replicas', () => {
    const table = buildRoutingTable([dv('a', 1, true)], new Map([['a', new Map([[1, []]])]]), new Map(), new Map());
    expect(table.get('a')!.replicas).toEqual(new Map());
  });
});

describe('routingTableJson', () => {
  it('tells tables apart by their replicas (a Map alone stringifies as {})', () => {
    const one = buildRoutingTable([dv('a', 1, true)], new Map([['a', new Map([[1, [r('x')]]])]]), new Map(), new Map());
    const other = buildRoutingTable([dv('a', 1, true)], new Map([['a', new Map([[1, [r('y')]]])]]), new Map(), new Map());
    expect(routingTableJson(one)).not.toBe(routingTableJson(other));
    expect(routingTableJson(one)).toBe(routingTableJson(buildRoutingTable([dv('a', 1, true)], new Map([['a', new Map([[1, [r('x')]]])]]), new Map(), new Map())));
  });
});
