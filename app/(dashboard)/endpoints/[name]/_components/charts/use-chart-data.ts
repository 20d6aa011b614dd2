'use client';
/** Every chart's rows and legend entries, derived once per metrics answer (not once per render). */
import { useMemo } from 'react';
import type { EndpointMetrics } from '../../../../../_lib/queries/metrics';
import type { LineSpec } from './time-series-chart';
import { hasTraffic, markers, pivot, ratioToPct, seriesSpecs, versionColor, type ChartRow, type Marker } from './series';

export interface ChartData {
  fromMs: number;
  toMs: number;
  stepSeconds: number;
  traffic: boolean;
  markers: Marker[];
  latency: { rows: ChartRow[]; lines: LineSpec[] };
  throughput: { rows: ChartRow[]; lines: LineSpec[] };
  errors: { rows: ChartRow[]; lines: LineSpec[] };
  cache: { rows: ChartRow[]; lines: LineSpec[] };
  queue: { rows: ChartRow[]; lines: LineSpec[] };
  batch: { rows: ChartRow[]; lines: LineSpec[] };
}

/** p50 dotted, p95 dashed, p99 solid: one colour per version, one dash per percentile. */
const PERCENTILE_DASH: Record<string, string | undefined> = { p50: '2 3', p95: '6 3', p99: undefined };

function lines(data: EndpointMetrics, figures: Record<string, string>): LineSpec[] {
  return seriesSpecs(data.versions, figures).map((spec) => ({
    key: spec.key,
    label: spec.label,
    color: versionColor(spec.version),
    dash: PERCENTILE_DASH[spec.key.slice(spec.key.indexOf('_') + 1)],
  }));
}

export function toChartData(data: EndpointMetrics): ChartData {
  const fromMs = Date.parse(data.from);
  const toMs = Date.parse(data.to);
  const single = (figure: string, read: (p: EndpointMetrics['versions'][number]['points'][number]) => number | null) => ({
    rows: pivot(data.versions, { [figure]: read }),
    lines: lines(data, { [figure]: '' }),
  });
  return {
    fromMs,
    toMs,
    stepSeconds: data.stepSeconds,
    traffic: hasTraffic(data.versions),
    markers: markers(data.events, fromMs, toMs),
    latency: {
      rows: pivot(data.versions, { p50: (p) => p.p50Ms, p95: (p) => p.p95Ms, p99: (p) => p.p99Ms }),
      lines: lines(data, { p50: 'p50', p95: 'p95', p99: 'p99' }),
    },
    throughput: single('rps', (p) => p.rps),
    errors: single('err', (p) => p.errorRatePct),
    cache: single('hit', (p) => ratioToPct(p.cacheHitRatio)),
    queue: single('queue', (p) => p.queueDepth),
    batch: single('batch', (p) => p.meanBatchSize),
  };
}

export function useChartData(data: EndpointMetrics | undefined): ChartData | undefined {
  return useMemo(() => (data ? toChartData(data) : undefined), [data]);
}
