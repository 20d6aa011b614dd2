import { describe, expect, it } from 'vitest';
import type { RoutingTable } from './routing-table';
import { fromWire, toWire } from './routes-wire';

const table: RoutingTable = {
  a: {
    endpoint: 'a',
    stableVersion: 1,
    replicas: { 1: [{ id: 'r1', socketPath: '/s/r1.sock' }], 2: [{ id: 'r2', socketPath: '/s/r2.sock' }] },
    canary: { version: 2, weightPct: 10, stickyHeader: 'x-slipway-route-key' },
  },
  b: { endpoint: 'b', stableVersion: 3, replicas: {} },
};

describe('routing snapshots on the wire', () => {
  it('round-trips a table with its overlays and version', () => {
    const wire = toWire(table, 7);
    expect(wire.version).toBe(7);
    expect(JSON.parse(JSON.stringify(fromWire(JSON.parse(JSON.stringify(wire)))))).toEqual(table);
  });

  it('decodes into objects without a prototype, so inherited names are not endpoints', () => {
    const decoded = fromWire(toWire(table, 1));
    expect(decoded['__proto__' as string]).toBeUndefined();
    expect(decoded['constructor' as string]).toBeUndefined();
    expect(decoded.a!.replicas['toString' as unknown as number]).toBeUndefined();
  });
});
