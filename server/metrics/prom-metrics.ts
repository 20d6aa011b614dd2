/**
 * The control plane's Prometheus registry (`GET /metrics`): gateway traffic as real histograms
 * (running totals kept here as per-second stats arrive), runtime figures, rollout state and
 * restarts read from the database at scrape time, GPUs, and Node process metrics.
 */
import { and, eq, sql } from 'drizzle-orm';
import { defineReplicaGauges } from '../autoscaling/prom-gauges';
import { collectDefaultMetrics, Counter, Gauge, Registry, type Metric } from 'prom-client';
import type { RuntimeStats } from '../../protocol/stats';
import type { Db } from '../../db/client';
import { endpoints, modelVersions, rollouts, runtimeInstances } from '../../db/schema';
import type { GatewayStatsMessage } from '../gateway/traffic-stats';
import { ROLLOUT_PHASES } from '../rollout/phases';
import { splitStatuses } from './cells';
import type { LiveListener } from './live-store';
import { sparseFromEncoded, type SparseLatency } from './latency-counts';
import { addLatency, cumulative, emptyBuckets, type BucketCounts } from './prom-buckets';
import type { GpuStats } from './schemas';

/** A runtime that sent nothing for this long is gone: its gauges disappear. */
const RUNTIME_STALE_MS = 15_000;
const MIB = 1024 * 1024;

interface TrafficTotals {
  labels: { endpoint: string; version: string; route: string };
  requests: number;
  rejected: number;
  errorsByStatus: Map<string, number>;
  buckets: BucketCounts;
}

interface RuntimeTotals {
  labels: { endpoint: string; version: string };
  cacheHits: number;
  cacheMisses: number;
  inferences: number;
  executions: number;
}

interface RuntimeLatest {
  labels: { endpoint: string; version: string; runtime_instance: string };
  stats: RuntimeStats;
  seenMs: number;
}

export interface PromSources {
  db: Db;
  gpus(): GpuStats[];
  nowMs?: () => number;
  /** Rollup rows skipped as unstorable since start (the rollup job's count). */
  rollupRowsSkipped?: () => number;
}

export class PromMetrics implements LiveListener {
  readonly registry = new Registry();
  private readonly traffic = new Map<string, TrafficTotals>();
  private readonly runtimeTotals = new Map<string, RuntimeTotals>();
  private readonly runtimeLatest = new Map<string, RuntimeLatest>();
  private unrouted = 0;
  private readonly now: () => number;
  private withProcess = false;

  constructor(private readonly src: PromSources) {
    this.now = src.nowMs ?? Date.now;
    this.defineGateway();
    this.defineRuntime();
    this.defineFromDatabase();
    this.defineGpu();
    this.defineRollups();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    this.processMetrics();
    return this.registry.metrics();
  }

  /** Node process metrics, added at the first scrape: they start an event loop monitor, which services built only for tests should not. */
  private processMetrics(): void {
    if (this.withProcess) return;
    this.withProcess = true;
    collectDefaultMetrics({ register: this.registry });
    // Gauges named `_total` fail promtool's lint; the per-type `nodejs_active_*` gauges carry the same.
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) this.registry.removeSingleMetric(name);
  }

  /** `latencies` (decoded histograms, index-aligned with `msg.traffic`) saves a second decode when the live store has them. */
  gateway(msg: GatewayStatsMessage, latencies?: readonly SparseLatency[]): void {
    msg.traffic.forEach((t, index) => {
      const key = `${t.endpoint}\u0000${t.version}\u0000${t.route}`;
      let tot = this.traffic.get(key);
      if (!tot) {
        tot = { labels: { endpoint: t.endpoint, version: String(t.version), route: t.route }, requests: 0, rejected: 0, errorsByStatus: new Map(), buckets: emptyBuckets() };
        this.traffic.set(key, tot);
      }
      tot.requests += t.requests;
      tot.rejected += t.rejected;
      for (const [status, n] of Object.entries(t.errors)) tot.errorsByStatus.set(status, (tot.errorsByStatus.get(status) ?? 0) + n);
      addLatency(tot.buckets, latencies?.[index] ?? sparseFromEncoded(t.latencyHistogram));
    });
    this.unrouted += msg.unrouted;
  }

  runtime(endpoint: string, version: number, instanceId: string, stats: RuntimeStats): void {
    const key = `${endpoint}\u0000${version}`;
    let tot = this.runtimeTotals.get(key);
    if (!tot) {
      tot = { labels: { endpoint, version: String(version) }, cacheHits: 0, cacheMisses: 0, inferences: 0, executions: 0 };
      this.runtimeTotals.set(key, tot);
    }
    tot.cacheHits += stats.cache.hits;
    tot.cacheMisses += stats.cache.misses;
    tot.inferences += stats.inferences;
    tot.executions += stats.executions;
    this.runtimeLatest.set(instanceId, { labels: { endpoint, version: String(version), runtime_instance: instanceId }, stats, seenMs: this.now() });
  }

  private defineGateway(): void {
    const traffic = this.traffic;
    new Counter({
      name: 'slipway_gateway_requests_total',
      help: 'Requests answered by the gateway, as clients saw them',
      labelNames: ['endpoint', 'version', 'route'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const t of traffic.values()) this.inc(t.labels, t.requests);
      },
    });
    new Counter({
      name: 'slipway_gateway_errors_total',
      help: 'Gateway answers with status >= 400, by status',
      labelNames: ['endpoint', 'version', 'route', 'status', 'class'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const t of traffic.values()) {
          for (const [status, n] of t.errorsByStatus) {
            const cls = splitStatuses({ [status]: 1 }).errors > 0 ? '5xx' : '4xx';
            this.inc({ ...t.labels, status, class: cls }, n);
          }
        }
      },
    });
    new Counter({
      name: 'slipway_gateway_rejected_requests_total',
      help: 'Requests the gateway answered itself without a runtime (no ready replica, body refused); counted in requests and errors, not in the duration histogram',
      labelNames: ['endpoint', 'version', 'route'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const t of traffic.values()) this.inc(t.labels, t.rejected);
      },
    });
    const unrouted = () => this.unrouted;
    new Counter({
      name: 'slipway_gateway_unrouted_requests_total',
      help: 'Requests the gateway could not route (404: unknown path, model name or version); no endpoint label, since the client chose the name',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(unrouted());
      },
    });
    this.registry.registerMetric(latencyHistogramMetric(traffic));
  }

  private defineRollups(): void {
    const skipped = this.src.rollupRowsSkipped ?? (() => 0);
    new Counter({
      name: 'slipway_metrics_rollup_rows_skipped_total',
      help: 'Metric rollup rows left out because they could not be stored (the other rows of the run are saved)',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(skipped());
      },
    });
  }

  private defineRuntime(): void {
    const totals = this.runtimeTotals;
    const counter = (name: string, help: string, pick: (t: RuntimeTotals) => number) =>
      new Counter({
        name,
        help,
        labelNames: ['endpoint', 'version'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const t of totals.values()) this.inc(t.labels, pick(t));
        },
      });
    counter('slipway_runtime_cache_hits_total', 'Response cache hits in the runtimes', (t) => t.cacheHits);
    counter('slipway_runtime_cache_misses_total', 'Response cache misses in the runtimes', (t) => t.cacheMisses);
    counter('slipway_runtime_inferences_total', 'Items inferred (batch dimension summed, cache hits included)', (t) => t.inferences);
    counter('slipway_runtime_executions_total', 'Model executions (batches run)', (t) => t.executions);

    const latest = () => {
      const cutoff = this.now() - RUNTIME_STALE_MS;
      for (const [id, r] of this.runtimeLatest) if (r.seenMs < cutoff) this.runtimeLatest.delete(id);
      return [...this.runtimeLatest.values()];
    };
    const gauge = (name: string, help: string, pick: (s: RuntimeStats) => number | null) =>
      new Gauge({
        name,
        help,
        // Not `instance`: Prometheus sets that label to the scrape target and would rename ours.
        labelNames: ['endpoint', 'version', 'runtime_instance'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const r of latest()) {
            const v = pick(r.stats);
            if (v !== null) this.set(r.labels, v);
          }
        },
      });
    gauge('slipway_runtime_queue_depth', 'Requests queued or running in a runtime at its last report', (s) => s.queueDepth);
    gauge('slipway_runtime_mean_batch_size', 'Mean items per execution over the runtime\'s last interval', (s) => (s.executions > 0 ? s.inferences / s.executions : null));
    gauge('slipway_runtime_cache_entries', 'Entries in the runtime\'s response cache', (s) => s.cache.entries);
    gauge('slipway_runtime_cache_bytes', 'Bytes held by the runtime\'s response cache', (s) => s.cache.bytes);
    gauge('slipway_runtime_resident_memory_bytes', 'Resident set size of the runtime process', (s) => s.rssBytes);
  }

  private defineFromDatabase(): void {
    const db = this.src.db;
    defineReplicaGauges(this.registry, db);
    // A counter, so rate() and increase() apply; it follows the database's running sums and
    // never goes down (a replica slot that is removed takes its restarts with it there).
    const seen = new Map<string, number>();
    new Counter({
      name: 'slipway_runtime_restarts_total',
      help: 'Restarts of runtime processes after crashes, as the supervisor recorded them',
      labelNames: ['endpoint', 'version'],
      registers: [this.registry],
      collect() {
        const rows = db
          .select({ endpoint: endpoints.name, version: modelVersions.version, restarts: sql<number>`sum(${runtimeInstances.restarts})` })
          .from(runtimeInstances)
          .innerJoin(endpoints, eq(endpoints.id, runtimeInstances.endpointId))
          .innerJoin(modelVersions, eq(modelVersions.id, runtimeInstances.versionId))
          .groupBy(endpoints.name, modelVersions.version)
          .all();
        for (const r of rows) {
          const labels = { endpoint: r.endpoint, version: String(r.version) };
          const key = JSON.stringify(labels);
          const delta = Number(r.restarts) - (seen.get(key) ?? 0);
          if (delta > 0 || !seen.has(key)) this.inc(labels, Math.max(delta, 0));
          seen.set(key, Math.max(Number(r.restarts), seen.get(key) ?? 0));
        }
      },
    });
    const latestRollouts = () =>
      db
        .select({ endpoint: endpoints.name, phase: rollouts.phase, weightPct: rollouts.weightPct, id: rollouts.id })
        .from(rollouts)
        .innerJoin(endpoints, eq(endpoints.id, rollouts.endpointId))
        .where(and(eq(rollouts.id, sql`(select max(r2.id) from rollouts r2 where r2.endpoint_id = ${rollouts.endpointId})`)))
        .all();
    new Gauge({
      name: 'slipway_rollout_weight_percent',
      help: 'Share of traffic routed to the candidate of the endpoint\'s latest rollout',
      labelNames: ['endpoint'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const r of latestRollouts()) this.set({ endpoint: r.endpoint }, r.weightPct);
      },
    });
    new Gauge({
      name: 'slipway_rollout_phase',
      help: 'Phase of the endpoint\'s latest rollout: 1 for the current phase, 0 for the others',
      labelNames: ['endpoint', 'phase'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const r of latestRollouts()) for (const phase of ROLLOUT_PHASES) this.set({ endpoint: r.endpoint, phase }, r.phase === phase ? 1 : 0);
      },
    });
  }

  private defineGpu(): void {
    const gpus = () => this.src.gpus();
    const gauge = (name: string, help: string, pick: (g: GpuStats) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['gpu', 'name'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const g of gpus()) {
            const v = pick(g);
            if (v !== null) this.set({ gpu: String(g.index), name: g.name }, v);
          }
        },
      });
    gauge('slipway_gpu_utilization_percent', 'GPU utilization from nvidia-smi', (g) => g.utilizationPct);
    gauge('slipway_gpu_memory_used_bytes', 'GPU memory in use from nvidia-smi', (g) => (g.memoryUsedMiB === null ? null : g.memoryUsedMiB * MIB));
    gauge('slipway_gpu_memory_total_bytes', 'GPU memory in total from nvidia-smi', (g) => (g.memoryTotalMiB === null ? null : g.memoryTotalMiB * MIB));
  }
}

/** A histogram served from running bucket totals: prom-client's own Histogram only takes observations. */
function latencyHistogramMetric(traffic: Map<string, TrafficTotals>): Metric {
  const name = 'slipway_gateway_request_duration_seconds';
  const help = 'Request latency at the gateway, as clients saw it';
  const metric = {
    name,
    help,
    type: 'histogram',
    aggregator: 'sum',
    get() {
      const values: { metricName: string; labels: Record<string, string>; value: number }[] = [];
      for (const t of traffic.values()) {
        for (const [le, n] of cumulative(t.buckets)) values.push({ metricName: `${name}_bucket`, labels: { ...t.labels, le }, value: n });
        values.push({ metricName: `${name}_sum`, labels: t.labels, value: t.buckets.sumSeconds });
        values.push({ metricName: `${name}_count`, labels: t.labels, value: t.buckets.count });
      }
      return Promise.resolve({ name, help, type: 'histogram', values, aggregator: 'sum' });
    },
    reset() {
      traffic.clear();
    },
  };
  return metric as unknown as Metric;
}
