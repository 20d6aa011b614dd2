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

  it.each([
    { name: 'forwarded answers are timed', record: [200, 503], reject: [], requests: 2, rejected: 0, timed: 2, errors: { 503: 1 } },
    { name: 'rejections are counted as requests and errors but not timed', record: [200], reject: [503, 503, 413], requests: 4, rejected: 3, timed: 1, errors: { 503: 2, 413: 1 } },
    { name: 'an outage of rejections leaves an empty histogram', record: [], reject: [503], requests: 1, rejected: 1, timed: 0, errors: { 503: 1 } },
  ])('$name', ({ record, reject, requests, rejected, timed, errors }) => {
    const stats = new TrafficStats(0);
    for (const status of record) stats.record('ep', 1, 'stable', status, 5_000);
    for (const status of reject) stats.reject('ep', 1, 'stable', status);
    const [t] = stats.flush(1_000).traffic;
    expect(t).toMatchObject({ endpoint: 'ep', version: 1, route: 'stable', requests, rejected, errors });
    expect(hdr.decodeFromCompressedBase64(t!.latencyHistogram).totalCount).toBe(timed);
  });

  it('counts unrouted requests in the message, in no series, and resets them on flush', () => {
    const stats = new TrafficStats(0);
    stats.unrouted();
    stats.unrouted();
    const msg = stats.flush(1_000);
    expect(msg).toMatchObject({ traffic: [], unrouted: 2 });
    expect(stats.flush(2_000).unrouted).toBe(0);
  });
});
