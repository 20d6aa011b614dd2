'use client';
/**
 * The endpoint page's live charts: a range picker, a Live/Paused toggle and six charts of the
 * metrics API's per-version series, with rollout events drawn as markers on each.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, isNotFound } from '../../../../../_components/feedback';
import { endpointQuery } from '../../../../../_lib/queries/endpoints';
import { DEFAULT_RANGE, endpointMetricsQuery, METRICS_RANGE_OPTIONS, type MetricsRange } from '../../../../../_lib/queries/metrics';
import { ChartFigure, ChartSkeleton } from './chart-figure';
import styles from './charts.module.css';
import { EventList } from './event-list';
import { TimeSeriesChart } from './time-series-chart';
import { useChartData, type ChartData } from './use-chart-data';

const FIGURES = [
  { id: 'latency', title: 'Latency', unit: 'p50 / p95 / p99 per version, ms', yUnit: 'ms' },
  { id: 'throughput', title: 'Throughput', unit: 'stacked per version, req/s', yUnit: 'req/s' },
  { id: 'errors', title: 'Error rate', unit: 'answers with status ≥ 500, %', yUnit: '%' },
  { id: 'cache', title: 'Cache hit ratio', unit: 'hits / lookups, %', yUnit: '%' },
  { id: 'queue', title: 'Queue depth', unit: 'queued requests, summed over replicas', yUnit: 'requests' },
  { id: 'batch', title: 'Mean batch size', unit: 'requests per run', yUnit: 'requests' },
] as const satisfies readonly { id: keyof ChartData; title: string; unit: string; yUnit: string }[];

const PCT_CHARTS = new Set<string>(['errors', 'cache']);

function Toolbar(props: { range: MetricsRange; onRange: (r: MetricsRange) => void; live: boolean; onLive: (live: boolean) => void }) {
  return (
    <div className={styles.toolbar}>
      <div role="group" aria-label="Time range" className={styles.segmented}>
        {METRICS_RANGE_OPTIONS.map((option) => (
          <button key={option.range} type="button" className="secondary" aria-pressed={props.range === option.range} onClick={() => props.onRange(option.range)}>
            {option.label}
          </button>
        ))}
      </div>
      <button type="button" className="secondary" aria-label="Live updates" aria-pressed={props.live} onClick={() => props.onLive(!props.live)}>
        {props.live ? '● Live' : '❚❚ Paused'}
      </button>
    </div>
  );
}

export function EndpointCharts({ name }: { name: string }) {
  const [range, setRange] = useState<MetricsRange>(DEFAULT_RANGE);
  const [live, setLive] = useState(true);
  const metrics = useQuery(endpointMetricsQuery(name, range, live));
  const data = useChartData(metrics.data);
  const cacheOff = useQuery(endpointQuery(name)).data?.config.cache.enabled === false;

  let body: React.ReactNode;
  if (metrics.isError && !data) {
    // A missing endpoint is the page's own message; here only the metrics failure is news.
    body = isNotFound(metrics.error) ? null : <ErrorAlert error={metrics.error} />;
  } else if (!data) {
    body = (
      <div className={styles.grid} role="status" aria-label="Loading charts">
        {FIGURES.map((f) => (
          <ChartFigure key={f.id} title={f.title} unit={f.unit}>
            <ChartSkeleton />
          </ChartFigure>
        ))}
      </div>
    );
  } else if (!data.traffic) {
    body = (
      <p className={`card ${styles.empty}`}>
        No traffic in this range — run <code>npm run loadgen -- --endpoint {name} --rps 20</code>
        {data.stepSeconds > 1 && <span className={styles.hint}>Points here are {data.stepSeconds} s steps; a step shows once it is complete.</span>}
      </p>
    );
  } else {
    body = (
      <div className={styles.grid}>
        {FIGURES.map((f) => (
          <ChartFigure key={f.id} title={f.title} unit={f.id === 'cache' && cacheOff ? 'cache off' : f.unit}>
            {f.id === 'cache' && cacheOff ? (
              <p className={styles.off}>The response cache is off for this endpoint: nothing to hit.</p>
            ) : (
              <TimeSeriesChart
                rows={data[f.id].rows}
                lines={data[f.id].lines}
                fromMs={data.fromMs}
                toMs={data.toMs}
                range={range}
                markers={data.markers}
                yUnit={f.yUnit}
                stacked={f.id === 'throughput'}
                yMax={PCT_CHARTS.has(f.id) ? 100 : undefined}
              />
            )}
          </ChartFigure>
        ))}
      </div>
    );
  }

  return (
    <section aria-labelledby="charts-heading" className={styles.charts}>
      <div className="page-header">
        <h2 id="charts-heading">Live metrics</h2>
        <Toolbar range={range} onRange={setRange} live={live} onLive={setLive} />
      </div>
      {/* A failed poll keeps the last charts on screen and says why they stopped moving. */}
      {metrics.isError && data && <ErrorAlert error={metrics.error} />}
      {body}
      {data && <EventList markers={data.markers} />}
    </section>
  );
}
