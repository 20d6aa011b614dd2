/**
 * The routing table as it travels to a gateway (`protocol/dataplane.ts`) and back into the shape
 * the gateway routes by. Pure; the publisher encodes, the gateway process decodes.
 */
import type { EndpointRoutesWire, RoutingSnapshot } from '../../protocol/dataplane';
import type { EndpointRoutes, ReplicaAddress, RoutingTable } from './routing-table';

export function toWire(table: RoutingTable, version: number): RoutingSnapshot {
  const endpoints: EndpointRoutesWire[] = Object.values(table).map(({ replicas, ...rest }) => ({
    ...rest,
    versions: Object.entries(replicas).map(([v, list]) => ({ version: Number(v), replicas: list.map((r) => ({ id: r.id, socketPath: r.socketPath })) })),
  }));
  return { version, endpoints };
}

export function fromWire(snapshot: RoutingSnapshot): RoutingTable {
  const table: RoutingTable = Object.create(null) as RoutingTable;
  for (const { versions, ...rest } of snapshot.endpoints) {
    const replicas: Record<number, ReplicaAddress[]> = Object.create(null) as Record<number, ReplicaAddress[]>;
    for (const v of versions) replicas[v.version] = v.replicas;
    table[rest.endpoint] = { ...rest, replicas } satisfies EndpointRoutes;
  }
  return table;
}
