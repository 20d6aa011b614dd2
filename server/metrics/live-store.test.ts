import { describe, expect, it } from 'vitest';
import { TrafficStats } from '../gateway/traffic-stats';
import { LiveStore } from './live-store';

function second(stats: TrafficStats, atMs: number, rows: [number, 'stable' | 'canary', number, number][]) {
  for (const [version, route, status, latencyUs] of rows) stats.record('ep', version, route, status, latencyUs);
  return stats.flush(atMs);
}

describe('LiveStore', () => {
  it('sums a version over a window and merges latency, counting only 5xx as errors', () => {
    const store = new LiveStore();
    const stats = new TrafficStats(0);
    store.addGateway(second(stats, 1_000, [[1, 'stable', 200, 1_000], [2, 'canary', 503, 9_000], [2, 'canary', 400, 2_000]]));
    store.addGateway(second(stats, 2_000, [[1, 'stable', 200, 3_000], [2, 'canary', 200, 4_000]]));
    store.addGateway(second(stats, 3_000, [[2, 'canary', 200, 100_000]]));

    const canary = store.window('ep', 2, 0, 2_000);
    expect(canary).toMatchObject({ requests: 3, errors: 1 });
    expect(canary.latency!.maxMs).toBeCloseTo(9, 0);
    expect(store.window('ep', 1, 0, 3_000)).toMatchObject({ requests: 2, errors: 0 });
    // The window is (from, to]: the third second is outside (0, 2000] and inside (2000, 3000].
    expect(store.window('ep', 2, 2_000, 3_000).requests).toBe(1);
    expect(store.window('ep', 2, 0, 3_000, ['stable']).requests).toBe(0);
  });

  it('forgets seconds older than its retention', () => {
    const store = new LiveStore(10_000);
    const stats = new TrafficStats(0);
    store.addGateway(second(stats, 1_000, [[1, 'stable', 200, 1_000]]));
    store.addGateway(second(stats, 11_500, [[1, 'stable', 200, 1_000]]));
    expect(store.traffic('ep', 0, 20_000).map((t) => t.atMs)).toEqual([11_500]);
  });

  it('totals shadow comparisons per candidate version', () => {
    const store = new LiveStore();
    const stats = new TrafficStats(0);
    Object.assign(stats.shadowCell('ep', 2), { mirrored: 10, compared: 9, agreed: 8, dropped: 1 });
    store.addGateway(stats.flush(1_000));
    Object.assign(stats.shadowCell('ep', 2), { mirrored: 5, compared: 5, agreed: 5 });
    store.addGateway(stats.flush(2_000));
    expect(store.shadowTotals('ep', 2, 0, 2_000)).toEqual({ mirrored: 15, dropped: 1, compared: 14, agreed: 13, failed: 0 });
  });
});
