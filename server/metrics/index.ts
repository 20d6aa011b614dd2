/**
 * The metrics pipeline: the live store's listeners (Prometheus totals), the rollup loop, the GPU
 * poller, and the read side the route handlers call. The control plane starts one over its
 * live store; `createMetricsService` alone (no loops) serves tests and a plane without traffic.
 */
import type { Logger } from 'pino';
import type { ServiceDeps } from '../deps';
import { GpuPoller } from './gpu';
import { LiveStore } from './live-store';
import { buildOverview } from './overview';
import { PromMetrics } from './prom-metrics';
import { queryMetrics } from './query-metrics';
import { RollupJob } from './rollup-job';
import type { MetricsQuery } from './schemas';

export { LiveStore } from './live-store';
export type { EndpointMetrics, MetricsQuery, Overview } from './schemas';

export type MetricsService = ReturnType<typeof metricsService>;

export interface MetricsPipeline {
  service: MetricsService;
  rollups: RollupJob;
  prom: PromMetrics;
  stop(): void;
}

export function createMetricsService(deps: ServiceDeps, live: LiveStore = new LiveStore(), o: { rollups?: RollupJob; prom?: PromMetrics; gpus?: GpuPoller } = {}): MetricsPipeline {
  const rollups = o.rollups ?? new RollupJob(deps.db, live, () => deps.now().getTime());
  const gpus = o.gpus ?? new GpuPoller();
  const prom = o.prom ?? new PromMetrics({ db: deps.db, gpus: () => gpus.current(), rollupRowsSkipped: () => rollups.skippedRows });
  live.listen(prom);
  return {
    service: metricsService(deps, live, rollups, gpus, prom),
    rollups,
    prom,
    stop() {
      rollups.stop();
      gpus.stop();
      // Closed seconds not yet folded would be lost with the process: fold them now.
      try {
        rollups.run();
      } catch {
        // A closed database (tests tearing down) leaves nothing to save.
      }
    },
  };
}

/** Metrics: `metrics.endpoint` (VALIDATION for a bad range, NOT_FOUND for an unknown endpoint), `overview`, `prometheus`. */
function metricsService(deps: ServiceDeps, live: LiveStore, rollups: RollupJob, gpus: GpuPoller, prom: PromMetrics) {
  const sources = { live, watermarks: () => rollups.watermarks() };
  return {
    endpoint: (endpoint: string, query: MetricsQuery) => queryMetrics(deps, sources, endpoint, query),
    overview: () => buildOverview(deps, live, gpus.current()),
    prometheus: async () => ({ contentType: prom.contentType, body: await prom.text() }),
  };
}

/** Starts the loops: rollups every 10 s, GPUs every 5 s where `nvidia-smi` exists. */
export function startMetrics(deps: ServiceDeps, live: LiveStore, log?: Logger): MetricsPipeline {
  const gpus = new GpuPoller();
  const rollups = new RollupJob(deps.db, live, () => deps.now().getTime(), log);
  const pipeline = createMetricsService(deps, live, { rollups, gpus });
  rollups.start();
  gpus.start();
  return pipeline;
}
