/**
 * What crosses the seam between the control plane and the data plane (gateways and runtimes), so a
 * later launcher (Kubernetes pods subscribing to the control plane) speaks the same messages.
 *
 * - The gateway listens on a control socket; the control plane connects and the two exchange
 *   newline-delimited JSON. Routing snapshots go one way (control plane → gateway), traffic figures
 *   and shadow samples the other. Nothing in the gateway waits for the control plane: with no link
 *   it serves its last snapshot and drops (and counts) the figures it cannot deliver.
 * - A runtime answers `GET /v2/slipway/identity` and streams its per-second stats as NDJSON at
 *   `GET /v2/slipway/stats/stream` to whoever subscribes; with no subscriber they are dropped.
 */

/** A ready replica the gateway may forward to. */
export interface ReplicaWire {
  /** Identity of the runtime process (`r<generation>`), stable for its life. */
  id: string;
  socketPath: string;
}

export interface EndpointRoutesWire {
  endpoint: string;
  stableVersion: number;
  /** Ready replicas of every version that runs for this endpoint. */
  versions: { version: number; replicas: ReplicaWire[] }[];
  canary?: { version: number; weightPct: number; stickyHeader: string };
  preview?: { version: number };
  shadow?: { version: number; mirrorPct: number; atol: number; rtol: number };
  /** Set for an endpoint that may scale to zero: a request finding no ready replica is held, not refused. */
  coldStart?: ColdStartWire;
}

/** How the gateway holds requests for an endpoint with no ready replica while one starts. */
export interface ColdStartWire {
  /** A held request gets 503 with `Retry-After` after this long. */
  timeoutMs: number;
  /** Requests held at once per endpoint; more get 503 with `Retry-After` at once. */
  maxQueued: number;
  retryAfterSeconds: number;
}

export const COLD_START_DEFAULTS: ColdStartWire = { timeoutMs: 60_000, maxQueued: 256, retryAfterSeconds: 5 };

/** One whole routing table; `version` grows with every snapshot a control plane publishes. */
export interface RoutingSnapshot {
  version: number;
  endpoints: EndpointRoutesWire[];
}

export interface GatewayIdentity {
  type: 'identity';
  gatewayId: string;
  pid: number;
  host: string;
  port: number;
  /** KServe v2 gRPC port (absent from gateways that predate it, which are replaced). */
  grpcPort: number;
  /** The snapshot it routes by, or null before the first one. */
  routesVersion: number | null;
  startedAtMs: number;
  /** Figures dropped since start because no control plane was listening. */
  droppedMessages: number;
  draining: boolean;
}

export type ControlToGateway = { type: 'routes'; snapshot: RoutingSnapshot } | { type: 'drain' };

export type GatewayToControl =
  | GatewayIdentity
  | { type: 'routes-applied'; version: number }
  | { type: 'gateway-stats'; [key: string]: unknown }
  | { type: 'shadow-sample'; sample: unknown }
  /** Requests held now for an endpoint with no ready replica (sent when it changes, 0 when released). */
  | { type: 'demand'; endpoint: string; held: number }
  | { type: 'drained' };

export interface RuntimeIdentity {
  instanceId: string;
  pid: number;
  model: string;
  version: string;
  ready: boolean;
  draining: boolean;
  startedAtMs: number;
  /** Stats messages dropped since start because nobody was subscribed (or the subscriber lagged). */
  statsDropped: number;
}

export const RUNTIME_IDENTITY_PATH = '/v2/slipway/identity';
export const RUNTIME_STATS_STREAM_PATH = '/v2/slipway/stats/stream';

/** Longest line either side accepts on a control channel: a routing table for many endpoints, not more. */
export const MAX_CONTROL_LINE_BYTES = 16 * 1024 * 1024;
