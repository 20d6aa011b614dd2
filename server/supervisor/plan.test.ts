import { describe, expect, it } from 'vitest';
import { planReconcile, slotKey, type DesiredSlot, type ObservedInstance } from './plan';

const slot = (replica: number, configHash = 'h1', version = 1): DesiredSlot => ({
  key: slotKey('ep', version, replica),
  endpoint: 'ep',
  version,
  replica,
  configHash,
});
const inst = (id: string, replica: number, configHash: string, state: ObservedInstance['state'], version = 1): ObservedInstance => ({
  id,
  key: slotKey('ep', version, replica),
  configHash,
  state,
});

describe('planReconcile', () => {
  const cases: { name: string; desired: DesiredSlot[]; observed: ObservedInstance[]; backoff?: [string, number][]; now?: number; want: unknown[] }[] = [
    { name: 'nothing running: start every replica', desired: [slot(0), slot(1)], observed: [], want: [{ kind: 'start', slot: slot(0) }, { kind: 'start', slot: slot(1) }] },
    { name: 'converged: nothing to do', desired: [slot(0)], observed: [inst('a', 0, 'h1', 'ready')], want: [] },
    { name: 'starting replica is left to converge', desired: [slot(0)], observed: [inst('a', 0, 'h1', 'starting')], want: [] },
    { name: 'unwanted replica is stopped', desired: [], observed: [inst('a', 0, 'h1', 'ready')], want: [{ kind: 'stop', instanceId: 'a', reason: 'unwanted' }] },
    { name: 'stopping replicas are ignored', desired: [slot(0)], observed: [inst('a', 0, 'h1', 'stopping')], want: [{ kind: 'start', slot: slot(0) }] },
    { name: 'crashed slot waits for its backoff', desired: [slot(0)], observed: [], backoff: [[slotKey('ep', 1, 0), 2000]], now: 1999, want: [] },
    { name: 'crashed slot restarts after its backoff', desired: [slot(0)], observed: [], backoff: [[slotKey('ep', 1, 0), 2000]], now: 2000, want: [{ kind: 'start', slot: slot(0) }] },
    {
      name: 'config change surges one replica per version at a time',
      desired: [slot(0, 'h2'), slot(1, 'h2')],
      observed: [inst('a', 0, 'h1', 'ready'), inst('b', 1, 'h1', 'ready')],
      want: [{ kind: 'start', slot: slot(0, 'h2') }],
    },
    {
      name: 'old replica keeps serving until the new one is ready',
      desired: [slot(0, 'h2'), slot(1, 'h2')],
      observed: [inst('a', 0, 'h1', 'ready'), inst('n', 0, 'h2', 'starting'), inst('b', 1, 'h1', 'ready')],
      want: [],
    },
    {
      name: 'new replica ready: the old one is stopped, and the next slot waits its turn',
      desired: [slot(0, 'h2'), slot(1, 'h2')],
      observed: [inst('a', 0, 'h1', 'ready'), inst('n', 0, 'h2', 'ready'), inst('b', 1, 'h1', 'ready')],
      want: [{ kind: 'stop', instanceId: 'a', reason: 'replaced' }],
    },
    {
      name: 'after the first slot rolled, the second one surges',
      desired: [slot(0, 'h2'), slot(1, 'h2')],
      observed: [inst('n', 0, 'h2', 'ready'), inst('b', 1, 'h1', 'ready')],
      want: [{ kind: 'start', slot: slot(1, 'h2') }],
    },
    {
      name: 'an outdated replica that never got ready is replaced at once',
      desired: [slot(0, 'h2')],
      observed: [inst('a', 0, 'h1', 'starting')],
      want: [{ kind: 'stop', instanceId: 'a', reason: 'outdated' }, { kind: 'start', slot: slot(0, 'h2') }],
    },
    {
      name: 'versions roll independently',
      desired: [slot(0, 'h2', 1), slot(0, 'h2', 2)],
      observed: [inst('a', 0, 'h1', 'ready', 1), inst('b', 0, 'h1', 'ready', 2)],
      want: [{ kind: 'start', slot: slot(0, 'h2', 1) }, { kind: 'start', slot: slot(0, 'h2', 2) }],
    },
    {
      name: 'duplicate current replicas: keep the ready one',
      desired: [slot(0)],
      observed: [inst('a', 0, 'h1', 'starting'), inst('b', 0, 'h1', 'ready')],
      want: [{ kind: 'stop', instanceId: 'a', reason: 'replaced' }],
    },
  ];
  it.each(cases)('$name', ({ desired, observed, backoff = [], now = 0, want }) => {
    const backoffMap = new Map(backoff.map(([k, t]) => [k, { notBeforeMs: t }]));
    expect(planReconcile(desired, observed, backoffMap, now)).toEqual(want);
  });
});
