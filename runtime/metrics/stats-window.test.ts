import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { RuntimeStats } from '../../protocol/stats';
import { StatsWindow } from './stats-window';

const gauges = (hits = 0, misses = 0, evictions = 0) => ({
  queueDepth: 3,
  cache: { hits, misses, evictions, entries: 2, bytes: 100 },
  rssBytes: 1000,
});

describe('StatsWindow', () => {
  it('reports one interval and starts the next from zero', () => {
    const w = new StatsWindow('m', '2', 'cpu', 1000);
    w.execution(4);
    w.execution(4);
    w.execution(1);
    w.success(4, 1500, 200, 800);
    w.success(1, 2500, 100, 900);
    w.failure('queue_full', 10);
    const first = RuntimeStats.parse(w.flush(2000, gauges(5, 7, 1)));
    expect(first).toMatchObject({
      type: 'stats',
      model: 'm',
      version: '2',
      atMs: 2000,
      intervalMs: 1000,
      requests: 3,
      failures: { queue_full: 1 },
      inferences: 5,
      executions: 3,
      batchSizes: { '4': 2, '1': 1 },
      queueDepth: 3,
      queueUs: 300,
      computeUs: 1700,
      cache: { hits: 5, misses: 7, evictions: 1, entries: 2, bytes: 100 },
      provider: 'cpu',
    });
    const latency = hdr.decodeFromCompressedBase64(first.latencyHistogram);
    expect(latency.totalCount).toBe(3);
    expect(latency.maxValue).toBeGreaterThanOrEqual(2499);

    const second = w.flush(3000, gauges(6, 7, 1));
    expect(second).toMatchObject({ requests: 0, failures: {}, executions: 0, batchSizes: {}, intervalMs: 1000 });
    expect(second.cache).toMatchObject({ hits: 1, misses: 0, evictions: 0 }); // deltas since the last flush
    expect(hdr.decodeFromCompressedBase64(second.latencyHistogram).totalCount).toBe(0);
  });

  it('produces histograms that merge across intervals', () => {
    const w = new StatsWindow('m', '1', 'cpu', 0);
    w.success(1, 100, 0, 0);
    const a = w.flush(1000, gauges());
    w.success(1, 200, 0, 0);
    w.success(1, 60_000_000_000, 0, 0); // beyond the tracked range: clamped, not thrown
    const b = w.flush(2000, gauges());
    const merged = hdr.decodeFromCompressedBase64(a.latencyHistogram);
    merged.add(hdr.decodeFromCompressedBase64(b.latencyHistogram));
    expect(merged.totalCount).toBe(3);
  });
});
