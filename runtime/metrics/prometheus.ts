/**
 * The runtime's Prometheus metrics on its own Registry, named in Triton's spirit
 * (`nv_inference_*` → `slipway_inference_*`). Names pass `promtool check metrics`: durations
 * that Triton keeps as microsecond counters are counters of seconds here, gauges carry no
 * `_count`/`_total`; request latency and batch size are histograms.
 */
import client from 'prom-client';
import type { CacheStats } from '../../protocol/stats';

export interface PromGauges {
  pendingRequests: () => number;
  cache: () => CacheStats | undefined;
}

export function createPromMetrics(model: string, version: string, provider: string, gauges: PromGauges) {
  const register = new client.Registry();
  register.setDefaultLabels({ model, version });
  client.collectDefaultMetrics({ register, prefix: 'slipway_' });
  // prom-client also exports these gauges under a `_total` name, which Prometheus reserves for
  // counters; the same figures stay under their plain names.
  for (const name of ['active_handles', 'active_requests', 'active_resources']) register.removeSingleMetric(`slipway_nodejs_${name}_total`);
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new client.Counter({ name, help, labelNames, registers: [register] });

  const m = {
    register,
    success: counter('slipway_inference_request_success_total', 'Successful inference requests'),
    failure: counter('slipway_inference_request_failure_total', 'Failed inference requests', ['reason']),
    inferences: counter('slipway_inference_count_total', 'Items inferred (dim 0), cache hits included'),
    executions: counter('slipway_inference_exec_count_total', 'Model executions (batches)'),
    queueSeconds: counter('slipway_inference_queue_duration_seconds_total', 'Time requests spent queued, seconds'),
    inputSeconds: counter('slipway_inference_compute_input_duration_seconds_total', 'Input tensor preparation, seconds'),
    inferSeconds: counter('slipway_inference_compute_infer_duration_seconds_total', 'Model execution, seconds'),
    outputSeconds: counter('slipway_inference_compute_output_duration_seconds_total', 'Output tensor extraction, seconds'),
    latency: new client.Histogram({
      name: 'slipway_inference_request_duration_seconds',
      help: 'Request latency from receipt to response, seconds',
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
      registers: [register],
    }),
    batchSize: new client.Histogram({
      name: 'slipway_inference_batch_size',
      help: 'Items per model execution',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [register],
    }),
  };
  // Cache figures are read from the cache at scrape time, so they never drift from it.
  const cacheCounter = (name: string, help: string, pick: (c: CacheStats) => number) => {
    let seen = 0;
    new client.Counter({
      name,
      help,
      registers: [register],
      collect() {
        const now = pick(gauges.cache() ?? { hits: 0, misses: 0, evictions: 0, entries: 0, bytes: 0 });
        if (now > seen) this.inc(now - seen);
        seen = now;
      },
    });
  };
  cacheCounter('slipway_cache_hits_total', 'Response cache hits', (c) => c.hits);
  cacheCounter('slipway_cache_misses_total', 'Response cache misses', (c) => c.misses);
  cacheCounter('slipway_cache_evictions_total', 'Response cache evictions', (c) => c.evictions);
  new client.Gauge({
    name: 'slipway_cache_bytes',
    help: 'Bytes held by the response cache',
    registers: [register],
    collect() {
      this.set(gauges.cache()?.bytes ?? 0);
    },
  });
  new client.Gauge({
    name: 'slipway_cache_entries',
    help: 'Entries in the response cache',
    registers: [register],
    collect() {
      this.set(gauges.cache()?.entries ?? 0);
    },
  });
  new client.Gauge({
    name: 'slipway_inference_pending_requests',
    help: 'Requests queued or running',
    registers: [register],
    collect() {
      this.set(gauges.pendingRequests());
    },
  });
  new client.Gauge({
    name: 'slipway_execution_provider_info',
    help: 'Execution provider in use (value 1)',
    labelNames: ['provider'],
    registers: [register],
  }).set({ provider }, 1);
  return m;
}

export type PromMetrics = ReturnType<typeof createPromMetrics>;
