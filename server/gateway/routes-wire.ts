/**
 * The routing table as it travels to a gateway (`protocol/dataplane.ts`: plain arrays, since Maps
 * do not survive JSON) and back into the Maps the gateway routes by. Pure; the publisher encodes,
 * the gateway process decodes.
 */
import type { EndpointRoutesWire, RoutingSnapshot } from '../../protocol/dataplane';
import type { ReplicaAddress, RoutingTable } from './routing-table';

export function toWire(table: RoutingTable, version: number): RoutingSnapshot {
  const endpoints: EndpointRoutesWire[] = [...table.values()].map(({ replicas, ...rest }) => ({
    ...rest,
    versions: [...replicas].map(([v, list]) => ({ version: v, replicas: list.map((r) => ({ id: r.id, socketPath: r.socketPath })) })),
  }));
  return { version, endpoints };
}

export function fromWire(snapshot: RoutingSnapshot): RoutingTable {
  const table: RoutingTable = new Map();
  for (const { versions, ...rest } of snapshot.endpoints) {
    table.set(rest.endpoint, { ...rest, replicas: new Map<number, ReplicaAddress[]>(versions.map((v) => [v.version, v.replicas])) });
  }
  return table;
}
