/**
 * Per-second traffic figures the gateway measures as clients see them, keyed by endpoint,
 * version and route. Latency goes into an HDR histogram (microseconds) so windows can be merged
 * exactly later; `flush` hands over one interval and starts the next. Requests the gateway
 * answers itself are counted apart from the histogram, so an outage's fast 503s cannot pull p50 down.
 */
import { encodeHistogram, newHistogram, type Histogram } from '../metrics/histogram';
import type { RouteKind } from './routing-table';

export interface TrafficRecord {
  endpoint: string;
  version: number;
  route: RouteKind;
  /** Every request of the interval, rejected ones included. */
  requests: number;
  /** Answers with status ≥ 400, by status code (rejected ones included). */
  errors: Record<string, number>;
  /** Of `requests`, those the gateway answered itself without a runtime (no ready replica, body too large). */
  rejected: number;
  /** hdr-histogram-js compressed base64, microseconds: forwarded requests only (`requests − rejected`). */
  latencyHistogram: string;
}

export interface ShadowRecord {
  endpoint: string;
  version: number;
  mirrored: number;
  dropped: number;
  compared: number;
  agreed: number;
  failed: number;
}

export interface GatewayStatsMessage {
  type: 'gateway-stats';
  atMs: number;
  intervalMs: number;
  traffic: TrafficRecord[];
  shadow: ShadowRecord[];
  /** Requests the gateway could not route (404: unknown path, model name or version): in no series, since the client chose the name. */
  unrouted: number;
}

interface Cell {
  endpoint: string;
  version: number;
  route: RouteKind;
  requests: number;
  rejected: number;
  errors: Record<string, number>;
  histogram: Histogram;
}

export class TrafficStats {
  private cells = new Map<string, Cell>();
  private shadow = new Map<string, ShadowRecord>();
  private unroutedCount = 0;
  private lastFlushMs: number;

  constructor(nowMs: number) {
    this.lastFlushMs = nowMs;
  }

  private cell(endpoint: string, version: number, route: RouteKind, status: number): Cell {
    const key = `${endpoint}\u0000${version}\u0000${route}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { endpoint, version, route, requests: 0, rejected: 0, errors: {}, histogram: newHistogram() };
      this.cells.set(key, cell);
    }
    cell.requests++;
    if (status >= 400) cell.errors[status] = (cell.errors[status] ?? 0) + 1;
    return cell;
  }

  /** A request a runtime answered (or failed to answer after it was sent): it enters the latency histogram. */
  record(endpoint: string, version: number, route: RouteKind, status: number, latencyUs: number): void {
    this.cell(endpoint, version, route, status).histogram.recordValue(Math.max(1, Math.round(latencyUs)));
  }

  /** A request of a routed endpoint and version that the gateway answered itself: counted, not timed. */
  reject(endpoint: string, version: number, route: RouteKind, status: number): void {
    this.cell(endpoint, version, route, status).rejected++;
  }

  unrouted(): void {
    this.unroutedCount++;
  }

  shadowCell(endpoint: string, version: number): ShadowRecord {
    const key = `${endpoint}\u0000${version}`;
    let rec = this.shadow.get(key);
    if (!rec) {
      rec = { endpoint, version, mirrored: 0, dropped: 0, compared: 0, agreed: 0, failed: 0 };
      this.shadow.set(key, rec);
    }
    return rec;
  }

  flush(nowMs: number): GatewayStatsMessage {
    const traffic: TrafficRecord[] = [];
    for (const cell of this.cells.values()) {
      traffic.push({
        endpoint: cell.endpoint,
        version: cell.version,
        route: cell.route,
        requests: cell.requests,
        errors: cell.errors,
        rejected: cell.rejected,
        latencyHistogram: encodeHistogram(cell.histogram),
      });
      cell.histogram.destroy();
    }
    const message: GatewayStatsMessage = {
      type: 'gateway-stats',
      atMs: nowMs,
      intervalMs: nowMs - this.lastFlushMs,
      traffic,
      shadow: [...this.shadow.values()],
      unrouted: this.unroutedCount,
    };
    this.cells = new Map();
    this.shadow = new Map();
    this.unroutedCount = 0;
    this.lastFlushMs = nowMs;
    return message;
  }
}
