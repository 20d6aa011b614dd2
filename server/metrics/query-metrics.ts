/**
 * `GET /endpoints/{endpoint}/metrics`: resolves the range, reads each piece from its source (1 min
 * rollups, 10 s rollups, live seconds), and folds everything into aligned per-version steps.
 */
import type { ServiceDeps } from '../deps';
import { getEndpoint } from '../endpoints/list-endpoints';
import { bucketOfEnd, cellsFromLive, type Cell } from './cells';
import { chartEvents } from './chart-events';
import type { LiveStore } from './live-store';
import { planPieces, resolveRange, type Piece, type Watermarks } from './metrics-range';
import { toSeries } from './points';
import { ROLLUP_10S_MS, ROLLUP_1M_MS } from './rollup-plan';
import { readRollups } from './rollup-store';
import type { EndpointMetrics, MetricsQuery } from './schemas';

export interface MetricsSources {
  live: LiveStore;
  watermarks(): Omit<Watermarks, 'liveStartMs'>;
}

/** `stepMs`: live seconds are bucketed straight into chart steps (steps sit on the same grid from 0). */
function readPiece(deps: ServiceDeps, src: MetricsSources, endpoint: string, p: Piece, stepMs: number): Cell[] {
  if (p.kind === 'rollup-10s') return readRollups(deps.db, endpoint, ROLLUP_10S_MS, p.fromMs, p.toMs);
  if (p.kind === 'rollup-1m') return readRollups(deps.db, endpoint, ROLLUP_1M_MS, p.fromMs, p.toMs);
  // Seconds are kept whole on the piece's side of its boundaries, so pieces never count one twice.
  const inPiece = (atMs: number) => {
    const second = bucketOfEnd(atMs, 1000);
    return second >= p.fromMs && second < p.toMs;
  };
  const traffic = src.live.traffic(endpoint, p.fromMs, p.toMs + 1000).filter((t) => inPiece(t.atMs));
  const runtime = src.live.runtime(endpoint, p.fromMs, p.toMs + 1000).filter((r) => inPiece(r.stats.atMs));
  return cellsFromLive(traffic, runtime, stepMs);
}

/** Cells of one endpoint over [fromMs, toMs) from whichever sources cover it. */
export function readCells(deps: ServiceDeps, src: MetricsSources, endpoint: string, source: Piece['kind'], fromMs: number, toMs: number, stepMs = 1000): Cell[] {
  const nowMs = deps.now().getTime();
  const pieces = planPieces(source, fromMs, toMs, { ...src.watermarks(), liveStartMs: src.live.dataStartMs(nowMs) });
  return pieces.flatMap((p) => readPiece(deps, src, endpoint, p, stepMs));
}

/** A flush older than this means a quiet or stopped gateway: ranges then end at `now`. */
const STALE_FLUSH_MS = 3_000;

/** End of the last second the gateway flushed, while it keeps flushing. */
export function dataHorizonMs(live: LiveStore, nowMs: number): number {
  const last = live.lastGatewayAtMs;
  if (last === null || nowMs - last > STALE_FLUSH_MS) return nowMs;
  return bucketOfEnd(last, 1000) + 1000;
}

export function queryMetrics(deps: ServiceDeps, src: MetricsSources, endpoint: string, q: MetricsQuery): EndpointMetrics {
  getEndpoint(deps, endpoint); // NOT_FOUND for an unknown endpoint
  const nowMs = deps.now().getTime();
  const r = resolveRange(q, nowMs, dataHorizonMs(src.live, nowMs));
  const endMs = r.fromMs + r.count * r.stepMs;
  const cells = readCells(deps, src, endpoint, r.source, r.fromMs, endMs, r.stepMs);
  return {
    endpoint,
    from: new Date(r.fromMs).toISOString(),
    to: new Date(r.toMs).toISOString(),
    stepSeconds: r.stepMs / 1000,
    source: r.source,
    versions: toSeries(cells, r.fromMs, r.stepMs, r.count),
    events: chartEvents(deps.db, endpoint, r.fromMs, r.toMs),
  };
}
