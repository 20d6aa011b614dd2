/** Metrics for the dashboard's charts and overview (Prometheus text is at `/metrics`, outside this API). */
import { EndpointMetrics, MetricsQuery, Overview } from '../../metrics/schemas';
import { defineRoute } from '../contract';
import { EndpointParams } from './params';

export const getEndpointMetrics = defineRoute({
  operationId: 'getEndpointMetrics',
  method: 'GET',
  path: '/endpoints/{endpoint}/metrics',
  access: 'viewer',
  summary:
    'Aligned per-version series (rps, error rate, p50/p95/p99/max latency from merged histograms, queue depth, batch size, cache hit ratio) and rollout markers. ' +
    '`range=5m|1h|24h|7d`, or `from`/`to` (ISO or epoch ms) with optional `step` (seconds). Within 1 h: 1 s live data; within 24 h: 10 s rollups; up to 30 days: 1 min rollups. At most 3000 points.',
  tags: ['metrics'],
  params: EndpointParams,
  query: MetricsQuery,
  response: { status: 200, description: 'Series per version and chart events', schema: EndpointMetrics },
});

export const getOverview = defineRoute({
  operationId: 'getOverview',
  method: 'GET',
  path: '/overview',
  access: 'viewer',
  summary: 'Every endpoint: current rps, p99, error rate, cache hit ratio, a 5 min rps sparkline, status, active rollout; GPUs where present',
  tags: ['metrics'],
  response: { status: 200, description: 'The overview', schema: Overview },
});
