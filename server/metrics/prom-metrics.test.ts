import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollouts, runtimeInstances, endpoints, modelVersions } from '../../db/schema';
import type { RuntimeStats } from '../../protocol/stats';
import { TrafficStats } from '../gateway/traffic-stats';
import { buildServices } from '../services';
import { insertVersionFixture, makeTestDeps, type TestDeps } from '../../testing/services';
import { addLatency, cumulative, emptyBuckets } from './prom-buckets';
import { encodeHistogram, newHistogram } from './histogram';
import { sparseFromEncoded } from './latency-counts';
import { PromMetrics } from './prom-metrics';
import type { GpuStats } from './schemas';

const PROMTOOL = '/usr/bin/promtool';

function stats(over: Partial<RuntimeStats>): RuntimeStats {
  return {
    type: 'stats', model: 'm', version: '1', atMs: 0, intervalMs: 1000, requests: 0, failures: {}, inferences: 8, executions: 2, batchSizes: {},
    queueDepth: 3, queueUs: 0, computeUs: 0, latencyHistogram: '', cache: { hits: 4, misses: 6, evictions: 0, entries: 9, bytes: 900 }, rssBytes: 123456, provider: 'cpu',
    ...over,
  };
}

/** The sample value of one series, found by its exact name and label text. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('prometheus buckets from HDR data', () => {
  it('counts cumulatively, with +Inf equal to the total', () => {
    const h = newHistogram();
    for (const us of [300, 700, 700, 20_000, 20_000_000]) h.recordValue(us);
    const b = emptyBuckets([0.001, 0.01, 0.1]);
    addLatency(b, sparseFromEncoded(encodeHistogram(h)), [0.001, 0.01, 0.1]);
    expect(cumulative(b, [0.001, 0.01, 0.1])).toEqual([['0.001', 3], ['0.01', 3], ['0.1', 4], ['+Inf', 5]]);
    expect(b.count).toBe(5);
    expect(b.sumSeconds).toBeGreaterThan(20.01 * 0.99);
    expect(b.sumSeconds).toBeLessThan(20.0217 * 1.01);
  });
});

describe('PromMetrics', () => {
  let deps: TestDeps;
  let gpus: GpuStats[] = [];
  let prom: PromMetrics;

  beforeEach(() => {
    deps = makeTestDeps();
    const services = buildServices(deps);
    services.models.create({ name: 'm' }, 'alice');
    insertVersionFixture(deps, 'm', 1);
    insertVersionFixture(deps, 'm', 2);
    services.endpoints.create({ name: 'ep', model: 'm', version: 1 }, 'alice');
    gpus = [];
    prom = new PromMetrics({ db: deps.db, gpus: () => gpus });
  });

  afterEach(() => deps.cleanup());

  function traffic(): void {
    const t = new TrafficStats(0);
    for (let i = 0; i < 5; i++) t.record('ep', 1, 'stable', 200, 2_000);
    t.record('ep', 1, 'stable', 503, 40_000);
    t.record('ep', 1, 'stable', 400, 300);
    prom.gateway(t.flush(1_000));
    t.record('ep', 1, 'stable', 200, 2_000);
    t.record('ep', 2, 'canary', 200, 2_000);
    prom.gateway(t.flush(2_000));
    prom.runtime('ep', 1, 'ep/1/0/1', stats({}));
    prom.runtime('ep', 1, 'ep/1/0/1', stats({}));
  }

  it('keeps running totals as stats arrive: requests, errors by status, a histogram per route', async () => {
    traffic();
    const text = await prom.text();
    const l = 'endpoint="ep",version="1",route="stable"';
    expect(sample(text, `slipway_gateway_requests_total{${l}}`)).toBe(8);
    expect(sample(text, `slipway_gateway_errors_total{${l},status="503",class="5xx"}`)).toBe(1);
    expect(sample(text, `slipway_gateway_errors_total{${l},status="400",class="4xx"}`)).toBe(1);
    expect(sample(text, `slipway_gateway_request_duration_seconds_count{${l}}`)).toBe(8);
    expect(sample(text, `slipway_gateway_request_duration_seconds_bucket{${l},le="0.0005"}`)).toBe(1);
    expect(sample(text, `slipway_gateway_request_duration_seconds_bucket{${l},le="0.0025"}`)).toBe(7);
    expect(sample(text, `slipway_gateway_request_duration_seconds_bucket{${l},le="+Inf"}`)).toBe(8);
    expect(sample(text, `slipway_gateway_requests_total{endpoint="ep",version="2",route="canary"}`)).toBe(1);
    expect(sample(text, 'slipway_runtime_cache_hits_total{endpoint="ep",version="1"}')).toBe(8);
    expect(sample(text, 'slipway_runtime_queue_depth{endpoint="ep",version="1",runtime_instance="ep/1/0/1"}')).toBe(3);
    expect(sample(text, 'slipway_runtime_mean_batch_size{endpoint="ep",version="1",runtime_instance="ep/1/0/1"}')).toBe(4);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('counts rejected requests apart from the duration histogram, unrouted ones without labels, and skipped rollup rows', async () => {
    let skipped = 0;
    prom = new PromMetrics({ db: deps.db, gpus: () => gpus, rollupRowsSkipped: () => skipped });
    const t = new TrafficStats(0);
    t.record('ep', 1, 'stable', 200, 2_000);
    t.reject('ep', 1, 'stable', 503);
    t.reject('ep', 1, 'stable', 503);
    t.unrouted();
    prom.gateway(t.flush(1_000));
    t.unrouted();
    prom.gateway(t.flush(2_000));
    skipped = 3;
    const text = await prom.text();
    const l = 'endpoint="ep",version="1",route="stable"';
    expect(sample(text, `slipway_gateway_requests_total{${l}}`)).toBe(3);
    expect(sample(text, `slipway_gateway_errors_total{${l},status="503",class="5xx"}`)).toBe(2);
    expect(sample(text, `slipway_gateway_rejected_requests_total{${l}}`)).toBe(2);
    expect(sample(text, `slipway_gateway_request_duration_seconds_count{${l}}`)).toBe(1);
    expect(sample(text, 'slipway_gateway_unrouted_requests_total')).toBe(2);
    expect(sample(text, 'slipway_metrics_rollup_rows_skipped_total')).toBe(3);
  });

  it('reads rollout phase and weight, restarts and GPUs at scrape time', async () => {
    const ep = deps.db.select().from(endpoints).get()!;
    const v2 = deps.db.select().from(modelVersions).all().find((v) => v.version === 2)!;
    const at = new Date();
    deps.db
      .insert(rollouts)
      .values({ endpointId: ep.id, candidateVersionId: v2.id, stableVersionId: ep.versionId, strategy: 'canary', spec: {}, phase: 'progressing', weightPct: 25, progress: {}, checks: [], samples: [], startedBy: 'alice', createdAt: at, updatedAt: at })
      .run();
    deps.db.insert(runtimeInstances).values({ endpointId: ep.id, versionId: ep.versionId, replica: 0, state: 'ready', restarts: 2, createdAt: at, updatedAt: at }).run();
    gpus = [{ index: 0, name: 'NVIDIA H100', utilizationPct: 37, memoryUsedMiB: 1, memoryTotalMiB: 2 }];
    const text = await prom.text();
    expect(sample(text, 'slipway_rollout_weight_percent{endpoint="ep"}')).toBe(25);
    expect(sample(text, 'slipway_rollout_phase{endpoint="ep",phase="progressing"}')).toBe(1);
    expect(sample(text, 'slipway_rollout_phase{endpoint="ep",phase="paused"}')).toBe(0);
    expect(sample(text, 'slipway_runtime_restarts_total{endpoint="ep",version="1"}')).toBe(2);
    expect(sample(text, 'slipway_gpu_utilization_percent{gpu="0",name="NVIDIA H100"}')).toBe(37);
    expect(sample(text, 'slipway_gpu_memory_total_bytes{gpu="0",name="NVIDIA H100"}')).toBe(2 * 1024 * 1024);
  });

  // promtool comes with Debian's `prometheus` package; hosts without it cannot run this check.
  it.skipIf(!existsSync(PROMTOOL))('passes promtool check metrics', async () => {
    traffic();
    gpus = [{ index: 0, name: 'NVIDIA H100', utilizationPct: 37, memoryUsedMiB: 1, memoryTotalMiB: 2 }];
    const text = await prom.text();
    const result = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });
});
