import { describe, expect, it } from 'vitest';
import type { RoutingTable } from './routing-table';
import { fromWire, toWire } from './routes-wire';

const table: RoutingTable = new Map([
  [
    'a',
    {
      endpoint: 'a',
      stableVersion: 1,
      replicas: new Map([
        [1, [{ id: 'r1', socketPath: '/s/r1.sock' }]],
        [2, [{ id: 'r2', socketPath: '/s/r2.sock' }]],
      ]),
      canary: { version: 2, weightPct: 10, stickyHeader: 'x-slipway-route-key' },
    },
  ],
  ['b', { endpoint: 'b', stableVersion: 3, replicas: new Map() }],
]);

describe('routing snapshots on the wire', () => {
  it('round-trips a table with its overlays through JSON, with its version', () => {
    const wire = JSON.parse(JSON.stringify(toWire(table, 7)));
    expect(wire.version).toBe(7);
    expect(fromWire(wire)).toEqual(table);
  });

  it('decodes into Maps, so inherited names are not endpoints', () => {
    const decoded = fromWire(toWire(table, 1));
    expect(decoded.get('__proto__')).toBeUndefined();
    expect(decoded.get('constructor')).toBeUndefined();
  });
});
