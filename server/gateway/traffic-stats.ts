/**
 * Per-second traffic figures the gateway measures as clients see them, keyed by endpoint,
 * version and route. Latency goes into an HDR histogram (microseconds) so windows can be merged
 * exactly later; `flush` hands over one interval and starts the next.
 */
import { encodeHistogram, newHistogram, type Histogram } from '../metrics/histogram';
import type { RouteKind } from './routing-table';

export interface TrafficRecord {
  endpoint: string;
  version: number;
  route: RouteKind;
  requests: number;
  /** Answers with status ≥ 400, by status code. */
  errors: Record<string, number>;
  /** hdr-histogram-js compressed base64, microseconds. */
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
}

interface Cell {
  requests: number;
  errors: Record<string, number>;
  histogram: Histogram;
}

export class TrafficStats {
  private cells = new Map<string, Cell>();
  private shadow = new Map<string, ShadowRecord>();
  private lastFlushMs: number;

  constructor(nowMs: number) {
    this.lastFlushMs = nowMs;
  }

  record(endpoint: string, version: number, route: RouteKind, status: number, latencyUs: number): void {
    const key = `${endpoint}\u0000${version}\u0000${route}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { requests: 0, errors: {}, histogram: newHistogram() };
      this.cells.set(key, cell);
    }
    cell.requests++;
    if (status >= 400) cell.errors[status] = (cell.errors[status] ?? 0) + 1;
    cell.histogram.recordValue(Math.max(1, Math.round(latencyUs)));
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
    for (const [key, cell] of this.cells) {
      const [endpoint, version, route] = key.split('\u0000') as [string, string, RouteKind];
      traffic.push({
        endpoint,
        version: Number(version),
        route,
        requests: cell.requests,
        errors: cell.errors,
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
    };
    this.cells = new Map();
    this.shadow = new Map();
    this.lastFlushMs = nowMs;
    return message;
  }
}
