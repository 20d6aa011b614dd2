/**
 * Accumulates one interval of the per-second stats message (protocol/stats.ts) and hands it
 * out with `flush`, which starts the next interval. Latency goes into an hdr histogram in
 * microseconds so that the control plane can merge intervals and replicas exactly.
 */
import * as hdr from 'hdr-histogram-js';
import type { RuntimeStats } from '../../protocol/stats';

export interface Gauges {
  queueDepth: number;
  cache: RuntimeStats['cache'];
  rssBytes: number;
}

export class StatsWindow {
  private startMs: number;
  private requests = 0;
  private failures: Record<string, number> = {};
  private inferences = 0;
  private executions = 0;
  private batchSizes: Record<string, number> = {};
  private queueUs = 0;
  private computeUs = 0;
  private latency = newHistogram();
  private cacheAtStart = { hits: 0, misses: 0, evictions: 0 };

  constructor(
    private readonly model: string,
    private readonly version: string,
    private readonly provider: string,
    nowMs: number,
  ) {
    this.startMs = nowMs;
  }

  execution(batchSize: number): void {
    this.executions++;
    this.batchSizes[batchSize] = (this.batchSizes[batchSize] ?? 0) + 1;
  }

  success(items: number, latencyUs: number, queueUs: number, computeUs: number): void {
    this.requests++;
    this.inferences += items;
    this.queueUs += queueUs;
    this.computeUs += computeUs;
    this.latency.recordValue(clampUs(latencyUs));
  }

  failure(reason: string, latencyUs: number): void {
    this.requests++;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    this.latency.recordValue(clampUs(latencyUs));
  }

  flush(nowMs: number, gauges: Gauges): RuntimeStats {
    const { cache } = gauges;
    const message: RuntimeStats = {
      type: 'stats',
      model: this.model,
      version: this.version,
      atMs: nowMs,
      intervalMs: nowMs - this.startMs,
      requests: this.requests,
      failures: this.failures,
      inferences: this.inferences,
      executions: this.executions,
      batchSizes: this.batchSizes,
      queueDepth: gauges.queueDepth,
      queueUs: Math.round(this.queueUs),
      computeUs: Math.round(this.computeUs),
      latencyHistogram: hdr.encodeIntoCompressedBase64(this.latency),
      cache: {
        hits: cache.hits - this.cacheAtStart.hits,
        misses: cache.misses - this.cacheAtStart.misses,
        evictions: cache.evictions - this.cacheAtStart.evictions,
        entries: cache.entries,
        bytes: cache.bytes,
      },
      rssBytes: gauges.rssBytes,
      provider: this.provider,
    };
    this.startMs = nowMs;
    this.requests = this.inferences = this.executions = this.queueUs = this.computeUs = 0;
    this.failures = {};
    this.batchSizes = {};
    this.latency = newHistogram();
    this.cacheAtStart = { hits: cache.hits, misses: cache.misses, evictions: cache.evictions };
    return message;
  }
}

const MAX_TRACKED_US = 60_000_000;
const clampUs = (us: number) => Math.min(MAX_TRACKED_US, Math.max(1, Math.round(us)));

function newHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: MAX_TRACKED_US, numberOfSignificantValueDigits: 3 });
}
