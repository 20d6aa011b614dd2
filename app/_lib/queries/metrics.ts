/**
 * Live figures for the dashboard: the overview of every endpoint and one endpoint's chart series.
 * Both poll; a chart's poll slows with its range because a 7 d step is minutes long anyway.
 */
import { queryOptions } from '@tanstack/react-query';
import type { EndpointMetrics, MetricsRange, Overview } from '../../../server/metrics/schemas';
import { api, queryString } from '../api';

export type { ChartEvent, EndpointMetrics, EndpointOverview, MetricsPoint, MetricsRange, Overview, VersionSeries } from '../../../server/metrics/schemas';

export const METRICS_RANGE_OPTIONS: readonly { range: MetricsRange; label: string }[] = [
  { range: '5m', label: '5 min' },
  { range: '1h', label: '1 h' },
  { range: '24h', label: '24 h' },
  { range: '7d', label: '7 d' },
];

/** The range the endpoint page opens with (and the server prefetches). */
export const DEFAULT_RANGE: MetricsRange = '5m';

/** Roughly one poll per server step: 1 s points at 5 min, rollups beyond. */
export const METRICS_POLL_MS: Record<MetricsRange, number> = { '5m': 1_000, '1h': 5_000, '24h': 30_000, '7d': 60_000 };
export const OVERVIEW_POLL_MS = 1_000;

export const metricsKeys = {
  all: ['metrics'] as const,
  overview: () => [...metricsKeys.all, 'overview'] as const,
  endpoint: (name: string, range: MetricsRange) => [...metricsKeys.all, 'endpoint', name, range] as const,
};

export const overviewQuery = () =>
  queryOptions({
    queryKey: metricsKeys.overview(),
    queryFn: () => api<Overview>('/overview'),
    staleTime: 0,
    refetchInterval: OVERVIEW_POLL_MS,
  });

/** `live: false` (the Paused toggle) keeps the last answer on screen and stops polling. */
export const endpointMetricsQuery = (name: string, range: MetricsRange, live: boolean) =>
  queryOptions({
    queryKey: metricsKeys.endpoint(name, range),
    queryFn: () => api<EndpointMetrics>(`/endpoints/${encodeURIComponent(name)}/metrics${queryString({ range })}`),
    staleTime: live ? 0 : Infinity,
    refetchInterval: live ? METRICS_POLL_MS[range] : false,
  });
