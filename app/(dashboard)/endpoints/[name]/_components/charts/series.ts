/**
 * Pure reshaping of the metrics API's per-version series into recharts rows: one row per step
 * time, one column per (version, figure), e.g. `v2_p99`. Keys avoid dots: recharts reads a
 * dotted dataKey as a path.
 */
import type { ChartEvent, MetricsPoint, MetricsRange, VersionSeries } from '../../../../../_lib/queries/metrics';

export type ChartRow = { t: number } & Record<string, number | null>;

export interface SeriesSpec {
  key: string;
  version: number;
  label: string;
}

type Figure = (point: MetricsPoint) => number | null;

export const seriesKey = (version: number, figure: string) => `v${version}_${figure}`;

/** Rows sorted by time, with a column per version and figure; missing points read as null. */
export function pivot(versions: readonly VersionSeries[], figures: Record<string, Figure>): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const series of versions) {
    for (const point of series.points) {
      let row = rows.get(point.t);
      if (!row) {
        row = { t: point.t } as ChartRow;
        rows.set(point.t, row);
      }
      for (const [figure, read] of Object.entries(figures)) row[seriesKey(series.version, figure)] = read(point);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.t - b.t);
  // Versions absent at some step still need their column, or recharts joins across the gap.
  for (const row of sorted) {
    for (const series of versions) {
      for (const figure of Object.keys(figures)) row[seriesKey(series.version, figure)] ??= null;
    }
  }
  return sorted;
}

/** One legend entry per version and figure, in version order then the figures' order. */
export function seriesSpecs(versions: readonly VersionSeries[], figures: Record<string, string>): SeriesSpec[] {
  return versions.flatMap((series) =>
    Object.entries(figures).map(([figure, name]) => ({
      key: seriesKey(series.version, figure),
      version: series.version,
      label: name ? `v${series.version} ${name}` : `v${series.version}`,
    })),
  );
}

export const hasTraffic = (versions: readonly VersionSeries[]) => versions.some((s) => s.points.some((p) => p.requests > 0));

export const ratioToPct = (ratio: number | null) => (ratio === null ? null : ratio * 100);

export interface Marker {
  t: number;
  label: string;
  action: string;
  message: string;
  /** Label line, 0 at the top: events closer than LABEL_GAP of the range stack their labels. */
  row: number;
  /** Labels in the right half sit left of their line, so the chart's edge does not clip them. */
  side: 'left' | 'right';
}

const LABEL_GAP = 0.06;
const LABEL_ROWS = 4;

/** Events inside [fromMs, toMs], in time order, as chart markers labelled without `rollout.`. */
export function markers(events: readonly ChartEvent[], fromMs: number, toMs: number): Marker[] {
  const gapMs = (toMs - fromMs) * LABEL_GAP;
  const inRange = events.filter((e) => e.t >= fromMs && e.t <= toMs).sort((a, b) => a.t - b.t);
  const result: Marker[] = [];
  for (const e of inRange) {
    const previous = result.at(-1);
    const row = previous && e.t - previous.t < gapMs ? (previous.row + 1) % LABEL_ROWS : 0;
    const side = e.t > fromMs + (toMs - fromMs) / 2 ? 'left' : 'right';
    result.push({ t: e.t, action: e.action, message: e.message, label: e.action.replace(/^rollout\./, ''), row, side });
  }
  return result;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Axis ticks in UTC (as everywhere in the dashboard), as fine as the range needs. */
export function formatTick(t: number, range: MetricsRange): string {
  const d = new Date(t);
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (range === '5m') return `${hm}:${pad(d.getUTCSeconds())}`;
  // Day ticks fall on midnights: the date alone says it.
  if (range === '7d') return hm === '00:00' ? `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hm}`;
  return hm;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Tick spacing per range: every minute, 10 minutes, 3 hours, day (UTC midnights). */
const TICK_EVERY_MS: Record<MetricsRange, number> = { '5m': MINUTE_MS, '1h': 10 * MINUTE_MS, '24h': 3 * HOUR_MS, '7d': 24 * HOUR_MS };

/** Axis ticks at round UTC times inside [fromMs, toMs]: multiples of the range's spacing. */
export function roundTicks(fromMs: number, toMs: number, range: MetricsRange): number[] {
  const every = TICK_EVERY_MS[range];
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / every) * every; t <= toMs; t += every) ticks.push(t);
  return ticks;
}

/** A value with as many decimals as its size warrants: 0.042, 3.14, 27.5, 512. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

/** A palette that tells versions apart; figures of one version share its colour, dashes differ. */
const PALETTE = ['#2456d6', '#d9731a', '#1c7c43', '#9b3dbf', '#c42b2b', '#0f8a8a'] as const;
export const versionColor = (version: number) => PALETTE[(version - 1) % PALETTE.length] ?? PALETTE[0];
