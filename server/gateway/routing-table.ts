/**
 * The routing table is how desired traffic reaches the gateway: the control plane computes it
 * from endpoints, rollouts and ready replicas, and posts it whole to the gateway's event loop,
 * which swaps it atomically (a promotion is one message, so no request sees half of it).
 * Both levels are Maps: clients choose the names looked up in them (`/v2/models/__proto__/infer`
 * found Object.prototype in a plain object). Maps survive structured clone, not JSON.
 */
import type { ColdStartWire } from '../../protocol/dataplane';

export const ROUTE_KINDS = ['stable', 'canary', 'preview', 'pinned', 'shadow'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface ReplicaAddress {
  /** Stable identity of the runtime process (endpoint/version/replica/generation). */
  id: string;
  socketPath: string;
}

export interface EndpointRoutes {
  endpoint: string;
  stableVersion: number;
  /** Ready replicas of every version that runs for this endpoint. */
  replicas: Map<number, ReplicaAddress[]>;
  canary?: { version: number; weightPct: number; stickyHeader: string };
  preview?: { version: number };
  shadow?: { version: number; mirrorPct: number; atol: number; rtol: number };
  /** The endpoint may scale to zero: hold requests while a replica starts (cold-start-queue.ts). */
  coldStart?: ColdStartWire;
}

export type RoutingTable = Map<string, EndpointRoutes>;

export const PREVIEW_HEADER = 'x-slipway-preview';
export const DEFAULT_STICKY_HEADER = 'x-slipway-route-key';
export const VERSION_HEADER = 'x-slipway-version';

/** The table as JSON text (Maps stringify as `{}`): what `serving` compares to skip unchanged tables. */
export function routingTableJson(table: RoutingTable): string {
  return JSON.stringify([...table].map(([name, routes]) => [name, { ...routes, replicas: [...routes.replicas] }]));
}
