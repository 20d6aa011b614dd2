/**
 * One place where the runtime reports what happened; it feeds the three views of it: Triton's
 * cumulative statistics, Prometheus, and the per-second stats message.
 */
import type { CacheStats, RuntimeStats } from '../../protocol/stats';
import { ModelStats, type RequestTimings } from './model-stats';
import { createPromMetrics, type PromMetrics } from './prometheus';
import { StatsWindow } from './stats-window';

export interface RecorderSources {
  pendingRequests: () => number;
  cache: () => CacheStats | undefined;
}

const EMPTY_CACHE: CacheStats = { hits: 0, misses: 0, evictions: 0, entries: 0, bytes: 0 };
const us = (ns: number) => ns / 1000;

export class Recorder {
  readonly triton = new ModelStats();
  readonly prom: PromMetrics;
  private readonly window: StatsWindow;
  latest?: RuntimeStats;

  constructor(
    readonly model: string,
    readonly version: string,
    readonly provider: string,
    private readonly sources: RecorderSources,
  ) {
    this.prom = createPromMetrics(model, version, provider, sources);
    this.window = new StatsWindow(model, version, provider, Date.now());
  }

  execution(batchSize: number, inputNs: number, inferNs: number, outputNs: number): void {
    this.triton.execution(batchSize, inputNs, inferNs, outputNs, Date.now());
    this.window.execution(batchSize);
    this.prom.executions.inc();
    this.prom.batchSize.observe(batchSize);
  }

  success(t: RequestTimings): void {
    this.triton.success(t);
    const computeNs = t.inputNs + t.inferNs + t.outputNs;
    this.window.success(t.items, us(t.totalNs), us(t.queueNs), us(computeNs));
    this.prom.success.inc();
    this.prom.inferences.inc(t.items);
    this.prom.queueSeconds.inc(t.queueNs / 1e9);
    this.prom.inputSeconds.inc(t.inputNs / 1e9);
    this.prom.inferSeconds.inc(t.inferNs / 1e9);
    this.prom.outputSeconds.inc(t.outputNs / 1e9);
    this.prom.latency.observe(t.totalNs / 1e9);
  }

  cacheHit(items: number, lookupNs: number, totalNs: number): void {
    this.triton.cacheHit(items, lookupNs, totalNs, Date.now());
    this.window.success(items, us(totalNs), 0, 0);
    this.prom.success.inc();
    this.prom.inferences.inc(items);
    this.prom.latency.observe(totalNs / 1e9);
  }

  cacheMiss(ns: number): void {
    this.triton.cacheMiss(ns);
  }

  failure(reason: string, totalNs: number): void {
    this.triton.failure(totalNs);
    this.window.failure(reason, us(totalNs));
    this.prom.failure.inc({ reason });
    this.prom.latency.observe(totalNs / 1e9);
  }

  /** Closes the current interval: the message to send, also kept as `latest`. */
  flush(): RuntimeStats {
    this.latest = this.window.flush(Date.now(), {
      queueDepth: this.sources.pendingRequests(),
      cache: this.sources.cache() ?? EMPTY_CACHE,
      rssBytes: process.memoryUsage.rss(),
    });
    return this.latest;
  }
}
