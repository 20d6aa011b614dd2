import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { TrafficStats } from './traffic-stats';

describe('TrafficStats', () => {
  it('counts requests and errors per endpoint, version and route, and resets on flush', () => {
    const stats = new TrafficStats(1_000);
    stats.record('ep', 1, 'stable', 200, 1_000);
    stats.record('ep', 1, 'stable', 503, 2_000);
    stats.record('ep', 2, 'canary', 200, 5_000);
    stats.shadowCell('ep', 2).mirrored += 3;

    const msg = stats.flush(2_000);
    expect(msg.intervalMs).toBe(1_000);
    const stable = msg.traffic.find((t) => t.version === 1)!;
    expect(stable).toMatchObject({ endpoint: 'ep', route: 'stable', requests: 2, errors: { 503: 1 } });
    const canary = msg.traffic.find((t) => t.version === 2)!;
    expect(canary).toMatchObject({ route: 'canary', requests: 1, errors: {} });
    expect(msg.shadow).toEqual([{ endpoint: 'ep', version: 2, mirrored: 3, dropped: 0, compared: 0, agreed: 0, failed: 0 }]);

    const decoded = hdr.decodeFromCompressedBase64(stable.latencyHistogram);
    expect(decoded.totalCount).toBe(2);
    expect(decoded.maxValue).toBeGreaterThanOrEqual(1_990);

    expect(stats.flush(3_000).traffic).toEqual([]);
  });
});
