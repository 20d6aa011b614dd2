import type { RoutingTable } from './routing-table';
import type { ShadowSample } from './shadow-mirror';
import type { GatewayStatsMessage } from './traffic-stats';

export interface GatewayWorkerData {
  host: string;
  port: number;
  maxBodyBytes: number;
  statsIntervalMs: number;
}

export type HostToGateway = { type: 'routes'; seq: number; table: RoutingTable } | { type: 'close' };

export type GatewayToHost =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'closed' }
  | { type: 'routes-applied'; seq: number }
  | { type: 'shadow-sample'; sample: ShadowSample }
  | GatewayStatsMessage;
