/**
 * The last hour of per-second figures, in memory: gateway traffic (what clients saw, per
 * endpoint, version and route), shadow comparisons, and runtime figures. Records arrive in time
 * order, so each endpoint's list is appended to and pruned from the front.
 */
import type { RuntimeStats } from '../../protocol/stats';
import type { RouteKind } from '../gateway/routing-table';
import type { GatewayStatsMessage, ShadowRecord } from '../gateway/traffic-stats';
import type { LatencySummary } from './histogram';
import { addSparse, sparseFromEncoded, summarizeCounts, type LatencyCounts, type SparseLatency } from './latency-counts';

export interface TrafficSecond {
  atMs: number;
  version: number;
  route: RouteKind;
  requests: number;
  errors: Record<string, number>;
  /** Of `requests`, answered by the gateway itself: not in `latency`. */
  rejected: number;
  /** The gateway's latency histogram, decoded once on arrival for cheap merging (latency-counts.ts). */
  latency: SparseLatency;
}

export interface ShadowSecond extends Omit<ShadowRecord, 'endpoint'> {
  atMs: number;
}

export interface RuntimeSecond {
  atMs: number;
  version: number;
  instanceId: string;
  stats: RuntimeStats;
}

interface EndpointSeries {
  traffic: TrafficSecond[];
  shadow: ShadowSecond[];
  runtime: RuntimeSecond[];
}

export interface WindowFigures {
  requests: number;
  errors: number;
  latency?: LatencySummary;
}

export const LIVE_RETENTION_MS = 3_600_000;

function pruneFront<T extends { atMs: number }>(list: T[], cutoffMs: number): void {
  let i = 0;
  while (i < list.length && list[i]!.atMs < cutoffMs) i++;
  if (i > 0) list.splice(0, i);
}

function inRange<T extends { atMs: number }>(list: T[], fromMs: number, toMs: number): T[] {
  return list.filter((r) => r.atMs > fromMs && r.atMs <= toMs);
}

/** Called with every message as it arrives (the Prometheus counters keep running totals). */
export interface LiveListener {
  /** `latencies[i]` is `msg.traffic[i]`'s histogram, decoded. */
  gateway?(msg: GatewayStatsMessage, latencies: readonly SparseLatency[]): void;
  runtime?(endpoint: string, version: number, instanceId: string, stats: RuntimeStats): void;
}

export class LiveStore {
  private readonly series = new Map<string, EndpointSeries>();
  private readonly listeners: LiveListener[] = [];
  /** Data older than this was never seen by this store (it started then). */
  readonly startedAtMs: number;
  /** When the gateway last flushed (null before its first message). */
  lastGatewayAtMs: number | null = null;

  constructor(
    private readonly retentionMs = LIVE_RETENTION_MS,
    nowMs = Date.now(),
  ) {
    this.startedAtMs = nowMs;
  }

  listen(listener: LiveListener): void {
    this.listeners.push(listener);
  }

  endpoints(): string[] {
    return [...this.series.keys()];
  }

  /** Where in-memory data begins at `nowMs`: the store's start or the retention edge. */
  dataStartMs(nowMs: number): number {
    return Math.max(this.startedAtMs, nowMs - this.retentionMs);
  }

  private of(endpoint: string): EndpointSeries {
    let s = this.series.get(endpoint);
    if (!s) {
      s = { traffic: [], shadow: [], runtime: [] };
      this.series.set(endpoint, s);
    }
    return s;
  }

  addGateway(msg: GatewayStatsMessage): void {
    const latencies = msg.traffic.map((t) => sparseFromEncoded(t.latencyHistogram));
    msg.traffic.forEach((t, i) => {
      this.of(t.endpoint).traffic.push({ atMs: msg.atMs, version: t.version, route: t.route, requests: t.requests, errors: t.errors, rejected: t.rejected, latency: latencies[i]! });
    });
    for (const s of msg.shadow) {
      const { endpoint, ...rest } = s;
      this.of(endpoint).shadow.push({ atMs: msg.atMs, ...rest });
    }
    this.lastGatewayAtMs = msg.atMs;
    this.prune(msg.atMs);
    for (const l of this.listeners) l.gateway?.(msg, latencies);
  }

  addRuntime(endpoint: string, version: number, instanceId: string, stats: RuntimeStats): void {
    this.of(endpoint).runtime.push({ atMs: stats.atMs, version, instanceId, stats });
    for (const l of this.listeners) l.runtime?.(endpoint, version, instanceId, stats);
  }

  prune(nowMs: number): void {
    const cutoff = nowMs - this.retentionMs;
    for (const s of this.series.values()) {
      pruneFront(s.traffic, cutoff);
      pruneFront(s.shadow, cutoff);
      pruneFront(s.runtime, cutoff);
    }
  }

  forget(endpoint: string): void {
    this.series.delete(endpoint);
  }

  traffic(endpoint: string, fromMs: number, toMs: number): TrafficSecond[] {
    return inRange(this.series.get(endpoint)?.traffic ?? [], fromMs, toMs);
  }

  runtime(endpoint: string, fromMs: number, toMs: number): RuntimeSecond[] {
    return inRange(this.series.get(endpoint)?.runtime ?? [], fromMs, toMs);
  }

  shadowSeconds(endpoint: string, fromMs: number, toMs: number): ShadowSecond[] {
    return inRange(this.series.get(endpoint)?.shadow ?? [], fromMs, toMs);
  }

  /** Requests, errors (status ≥ 500 or any listed status) and merged latency of one version in (fromMs, toMs]. */
  window(endpoint: string, version: number, fromMs: number, toMs: number, routes?: readonly RouteKind[]): WindowFigures {
    const rows = this.traffic(endpoint, fromMs, toMs).filter((r) => r.version === version && (!routes || routes.includes(r.route)));
    let requests = 0;
    let errors = 0;
    const counts: LatencyCounts = new Map();
    for (const r of rows) {
      requests += r.requests;
      for (const [status, n] of Object.entries(r.errors)) if (Number(status) >= 500) errors += n;
      addSparse(counts, r.latency);
    }
    const latency = summarizeCounts(counts);
    return latency ? { requests, errors, latency } : { requests, errors };
  }

  shadowTotals(endpoint: string, version: number, fromMs: number, toMs: number): Omit<ShadowSecond, 'atMs' | 'version'> {
    const totals = { mirrored: 0, dropped: 0, compared: 0, agreed: 0, failed: 0 };
    for (const s of this.shadowSeconds(endpoint, fromMs, toMs)) {
      if (s.version !== version) continue;
      totals.mirrored += s.mirrored;
      totals.dropped += s.dropped;
      totals.compared += s.compared;
      totals.agreed += s.agreed;
      totals.failed += s.failed;
    }
    return totals;
  }
}
