/**
 * `GET /endpoints/{endpoint}/metrics`: resolves the range, reads each piece from its source (1 min
 * rollups, 10 s rollups, live seconds), and folds everything into aligned per-version steps. A
 * rollup row coarser than the step is spread over the steps it covers (resample.ts), so a chart
 * right after a restart draws the rate that was served, not one 10 s row per second.
 */
import type { ServiceDeps } from '../deps';
import { getEndpoint } from '../endpoints/list-endpoints';
import { bucketOfEnd, cellsFromLive, type Cell } from './cells';
import { chartEvents } from './chart-events';
import type { LiveStore } from './live-store';
import { planPieces, resolveRange, SOURCE_RESOLUTION_MS, type Piece, type ResolvedRange, type Watermarks } from './metrics-range';
import { toSeries } from './points';
import { fitStepMs, spreadCells } from './resample';
import { ROLLUP_10S_MS, ROLLUP_1M_MS } from './rollup-plan';
import { readRollups } from './rollup-store';
import type { EndpointMetrics, MetricsQuery } from './schemas';

export interface MetricsSources {
  live: LiveStore;
  watermarks(): Omit<Watermarks, 'liveStartMs'>;
}

/** `stepMs`: live seconds are bucketed straight into chart steps (steps sit on the same grid from 0). */
function readPiece(deps: ServiceDeps, src: MetricsSources, endpoint: string, p: Piece, stepMs: number): Cell[] {
  if (p.kind !== 'live') {
    // From the row that holds `fromMs`: its steps inside the range are drawn, the rest dropped by toSeries.
    const spanMs = p.kind === 'rollup-10s' ? ROLLUP_10S_MS : ROLLUP_1M_MS;
    return spreadCells(readRollups(deps.db, endpoint, spanMs, Math.floor(p.fromMs / spanMs) * spanMs, p.toMs), spanMs, stepMs);
  }
  // Seconds are kept whole on the piece's side of its boundaries, so pieces never count one twice.
  const inPiece = (atMs: number) => {
    const second = bucketOfEnd(atMs, 1000);
    return second >= p.fromMs && second < p.toMs;
  };
  const traffic = src.live.traffic(endpoint, p.fromMs, p.toMs + 1000).filter((t) => inPiece(t.atMs));
  const runtime = src.live.runtime(endpoint, p.fromMs, p.toMs + 1000).filter((r) => inPiece(r.stats.atMs));
  return cellsFromLive(traffic, runtime, stepMs);
}

function piecesOf(deps: ServiceDeps, src: MetricsSources, r: ResolvedRange): Piece[] {
  const nowMs = deps.now().getTime();
  return planPieces(r.source, r.fromMs, r.fromMs + r.count * r.stepMs, { ...src.watermarks(), liveStartMs: src.live.dataStartMs(nowMs) });
}

/**
 * The range and the pieces that cover it, with a step every piece's resolution divides or is a
 * multiple of (a 3 s step over 10 s rows would cut rows apart, so it becomes 10 s).
 */
function plan(deps: ServiceDeps, src: MetricsSources, q: MetricsQuery): { r: ResolvedRange; pieces: Piece[] } {
  const nowMs = deps.now().getTime();
  const horizonMs = dataHorizonMs(src.live, nowMs);
  let r = resolveRange(q, nowMs, horizonMs);
  let pieces = piecesOf(deps, src, r);
  const stepMs = fitStepMs(r.stepMs, pieces.map((p) => SOURCE_RESOLUTION_MS[p.kind]));
  if (stepMs !== r.stepMs) {
    r = resolveRange({ ...q, step: stepMs / 1000 }, nowMs, horizonMs);
    pieces = piecesOf(deps, src, r);
  }
  return { r, pieces };
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
  const { r, pieces } = plan(deps, src, q);
  const cells = pieces.flatMap((p) => readPiece(deps, src, endpoint, p, r.stepMs));
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
