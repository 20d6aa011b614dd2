import { describe, expect, it } from 'vitest';
import type { Candidate, Measurement } from '../server/tuning/search';
import { summarize, tunerTable, tunerVerdicts, type SearchRun } from './tuner-targets';

const cand = (maxBatchSize: number, maxQueueDelayMs = 0): Candidate => ({ instances: 1, intraOpThreads: 2, maxBatchSize, maxQueueDelayMs, preferredBatchSizes: [] });
const pt = (c: Candidate, concurrency: number, throughputPerSec: number, p99Ms: number): Measurement => ({ candidate: c, concurrency, throughputPerSec, p50Ms: p99Ms / 2, p99Ms, errors: 0 });
const run = (label: string, wallMs: number, measurements: Measurement[]): SearchRun => ({ label, wallMs, measurements });

const SWEEP = run('full sweep', 600_000, [pt(cand(1), 1, 500, 3), pt(cand(1), 4, 900, 8), pt(cand(16), 16, 2000, 30), pt(cand(16), 64, 2400, 80), pt(cand(16, 1), 16, 1900, 32)]);

describe('tunerVerdicts', () => {
  it.each([
    ['both targets met at their edges', run('tuner', 200_000, [pt(cand(16), 16, 1900, 40)]), [
      'PASS tuner best 1900.0/s = 0.95 × the full sweep\'s best 2000.0/s, both at p99 ≤ 50 ms (target ≥ 0.95)',
      'PASS tuner 200.0 s = 0.33 × the full sweep\'s 600.0 s (1 vs 5 points; target ≤ 1/3)',
    ]],
    ['too slow and too far from the best', run('tuner', 240_000, [pt(cand(1), 4, 900, 8)]), [
      'MISS tuner best 900.0/s = 0.45 × the full sweep\'s best 2000.0/s, both at p99 ≤ 50 ms (target ≥ 0.95)',
      'MISS tuner 240.0 s = 0.40 × the full sweep\'s 600.0 s (1 vs 5 points; target ≤ 1/3)',
    ]],
    ['a tuner that found nothing within the SLA misses', run('tuner', 60_000, [pt(cand(64), 64, 3000, 90)]), [
      'MISS the tuner found no config at p99 ≤ 50 ms; the full sweep\'s best is 2000.0/s (target ≥ 0.95 × that)',
      'PASS tuner 60.0 s = 0.10 × the full sweep\'s 600.0 s (1 vs 5 points; target ≤ 1/3)',
    ]],
  ])('%s', (_name, tuner, lines) => {
    expect(tunerVerdicts(summarize(tuner, 50), summarize(SWEEP, 50), 50)).toEqual(lines);
  });

  it('gives no throughput verdict when the sweep met the SLA nowhere', () => {
    const lines = tunerVerdicts(summarize(run('tuner', 60_000, []), 1), summarize(SWEEP, 1), 1);
    expect(lines[0]).toBe('no throughput verdict: neither search found a config at p99 ≤ 1 ms');
  });
});

describe('tunerTable', () => {
  it('counts distinct candidates and shows the config the tuner would apply', () => {
    const rows = tunerTable([summarize(SWEEP, 50), summarize(run('tuner', 1000, []), 50)]).split('\n').slice(2);
    expect(rows).toEqual([
      '| full sweep | 3 | 5 | 600.0 s | 1×2 threads, batch 16 | 2000.0/s | 30.00 ms | 16 |',
      '| tuner | 0 | 0 | 1.0 s | — (none within the SLA) | — | — | — |',
    ]);
  });
});
