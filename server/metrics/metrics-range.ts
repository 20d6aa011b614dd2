/**
 * Turns a metrics query (`range`, or `from`/`to`/`step`) into aligned steps and a source, and
 * rejects what the API cannot answer. Pure: takes `nowMs`. Sources by how far back `from` reaches:
 * the live store (1 s) within the last hour, 10 s rollups within 24 h, 1 min rollups beyond.
 */
import { AppError } from '../errors';
import { MAX_LOOKBACK_MS, MAX_POINTS, type MetricsQuery, type MetricsRange, type MetricsSource } from './schemas';

export interface ResolvedRange {
  /** First step start (aligned to the step). */
  fromMs: number;
  toMs: number;
  stepMs: number;
  count: number;
  source: MetricsSource;
}

const HOUR_MS = 3_600_000;

const RANGES: Record<MetricsRange, { spanMs: number; stepSeconds: number }> = {
  '5m': { spanMs: 5 * 60_000, stepSeconds: 1 },
  '1h': { spanMs: HOUR_MS, stepSeconds: 5 },
  '24h': { spanMs: 24 * HOUR_MS, stepSeconds: 60 },
  '7d': { spanMs: 7 * 24 * HOUR_MS, stepSeconds: 600 },
};

export const SOURCE_RESOLUTION_MS: Record<MetricsSource, number> = { live: 1000, 'rollup-10s': 10_000, 'rollup-1m': 60_000 };

/** Points an automatic step aims at for `from`/`to` queries without `step`. */
const AUTO_POINTS = 720;

export function parseTime(s: string, name: string): number {
  const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  if (!Number.isFinite(ms)) throw new AppError('VALIDATION', `${name} must be an ISO-8601 time or epoch milliseconds`);
  return ms;
}

export function sourceFor(fromMs: number, nowMs: number): MetricsSource {
  if (fromMs >= nowMs - HOUR_MS) return 'live';
  if (fromMs >= nowMs - 24 * HOUR_MS) return 'rollup-10s';
  return 'rollup-1m';
}

/**
 * `horizonMs`: where complete data ends (the end of the gateway's last flushed second). A `range`
 * ends there and keeps only complete steps, so a polling chart never ends in a half-filled dip.
 */
export function resolveRange(q: MetricsQuery, nowMs: number, horizonMs = nowMs): ResolvedRange {
  let fromMs: number;
  let toMs: number;
  let stepSeconds = q.step;
  const relative = Boolean(q.range) || q.from === undefined;
  if (q.range || q.from === undefined) {
    const r = RANGES[q.range ?? '5m'];
    toMs = Math.min(nowMs, horizonMs);
    fromMs = toMs - r.spanMs;
    stepSeconds ??= r.stepSeconds;
  } else {
    fromMs = parseTime(q.from, 'from');
    toMs = q.to === undefined ? nowMs : parseTime(q.to, 'to');
  }
  if (fromMs >= toMs) throw new AppError('VALIDATION', 'from must be before to');
  if (fromMs < nowMs - MAX_LOOKBACK_MS) {
    throw new AppError('VALIDATION', `from reaches beyond retention: at most ${MAX_LOOKBACK_MS / 86_400_000} days back`);
  }
  const source = sourceFor(fromMs, nowMs);
  const resMs = SOURCE_RESOLUTION_MS[source];
  // A step finer than the source cannot be answered: round it up to the source's resolution.
  const wantedMs = stepSeconds !== undefined ? stepSeconds * 1000 : (toMs - fromMs) / AUTO_POINTS;
  const stepMs = Math.max(resMs, Math.ceil(wantedMs / resMs) * resMs);
  const alignedFromMs = Math.floor(fromMs / stepMs) * stepMs;
  const count = relative ? Math.floor((toMs - alignedFromMs) / stepMs) : Math.ceil((toMs - alignedFromMs) / stepMs);
  if (count > MAX_POINTS) {
    throw new AppError('VALIDATION', `at most ${MAX_POINTS} points per series (this query asks for ${count}): use a larger step`);
  }
  return { fromMs: alignedFromMs, toMs, stepMs, count, source };
}

export type PieceKind = MetricsSource;

export interface Piece {
  kind: PieceKind;
  fromMs: number;
  toMs: number;
}

export interface Watermarks {
  /** Where the live store's data begins (control plane start, or an hour ago). */
  liveStartMs: number;
  /** End of the newest 10 s / 1 min rollup written. */
  rolled10sUntilMs: number;
  rolled1mUntilMs: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Disjoint pieces covering [from, to): older parts from coarser rollups, the newest from the live
 * store, so charts survive a restart and never wait for the next rollup. Boundaries sit on the
 * 10 s grid so a rollup row never overlaps live seconds.
 */
export function planPieces(source: MetricsSource, fromMs: number, toMs: number, w: Watermarks): Piece[] {
  // Live seconds take over where the 10 s rollups end or where live data begins, whichever is first.
  const liveFromMs = Math.min(w.rolled10sUntilMs, Math.ceil(w.liveStartMs / 10_000) * 10_000);
  const cuts: [PieceKind, number][] = source === 'rollup-1m' ? [['rollup-1m', w.rolled1mUntilMs], ['rollup-10s', liveFromMs]] : [['rollup-10s', liveFromMs]];
  const pieces: Piece[] = [];
  let at = fromMs;
  for (const [kind, untilMs] of cuts) {
    const end = clamp(untilMs, at, toMs);
    if (end > at) pieces.push({ kind, fromMs: at, toMs: end });
    at = end;
  }
  if (toMs > at) pieces.push({ kind: 'live', fromMs: at, toMs });
  return pieces;
}
