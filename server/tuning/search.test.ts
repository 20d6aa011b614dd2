import { describe, expect, it } from 'vitest';
import { bestConfig, layouts, nextStep, paretoFront, type Candidate, type Measurement, type SearchInput } from './search';

/**
 * A made-up model on a closed loop: a batch of b on t threads takes (0.3 + 0.5·b)/(1 + 0.6·(t − 1)) ms;
 * N clients keep `instances` batches of up to b busy; a queue delay adds to the latency.
 */
function simulate(c: Candidate, concurrency: number): Measurement {
  const perInstance = Math.max(1, Math.min(c.maxBatchSize, Math.ceil(concurrency / c.instances)));
  const serviceMs = (0.3 + 0.5 * perInstance) / (1 + 0.6 * (c.intraOpThreads - 1));
  const rounds = Math.ceil(concurrency / (c.instances * perInstance));
  const latencyMs = rounds * serviceMs + (perInstance > 1 ? c.maxQueueDelayMs * 0.5 : 0);
  return { candidate: c, concurrency, throughputPerSec: (concurrency / latencyMs) * 1000, p50Ms: latencyMs, p99Ms: latencyMs * 1.3, errors: 0 };
}

function runSearch(input: SearchInput, clockStepMs = 0): { measurements: Measurement[]; reason: string } {
  const measurements: Measurement[] = [];
  let now = 0;
  for (let i = 0; i < 1000; i++) {
    const step = nextStep(input, measurements, now);
    if (step.kind === 'done') return { measurements, reason: step.reason };
    measurements.push(simulate(step.candidate, step.concurrency));
    now += clockStepMs;
  }
  throw new Error('search did not finish');
}

function fullSweep(input: SearchInput): Measurement[] {
  const out: Measurement[] = [];
  const cap = input.maxBatchCap <= 0 ? 1 : input.maxBatchCap;
  for (const l of layouts(input.cores))
    for (const b of [1, 2, 4, 8, 16, 32, 64].filter((x) => x <= cap))
      for (const d of [0, 1])
        for (const p of b > 1 ? [[], [b]] : [[]])
          for (const n of input.concurrencies) out.push(simulate({ ...l, maxBatchSize: b, maxQueueDelayMs: d, preferredBatchSizes: p }, n));
  return out;
}

const input = (over: Partial<SearchInput>): SearchInput => ({ cores: 2, p99Ms: 50, concurrencies: [1, 4, 16, 64], maxBatchCap: 64, deadlineMs: Infinity, ...over });

describe('nextStep', () => {
  it.each([
    ['2 cores, loose SLA', input({})],
    ['2 cores, tight SLA (5 ms)', input({ p99Ms: 5 })],
    ['8 cores, 20 ms', input({ cores: 8, p99Ms: 20 })],
    ['1 core, 100 ms', input({ cores: 1, p99Ms: 100 })],
    ['16 cores, model capped at batch 8', input({ cores: 16, maxBatchCap: 8 })],
  ])('%s: within 5 %% of the full sweep in under a third of its points', (_name, si) => {
    const { measurements, reason } = runSearch(si);
    const sweep = fullSweep(si);
    const found = bestConfig(measurements, si.p99Ms);
    const optimum = bestConfig(sweep, si.p99Ms);
    expect(reason).toBe('searched');
    expect(found).toBeDefined();
    expect(found!.throughputPerSec).toBeGreaterThanOrEqual(optimum!.throughputPerSec * 0.95);
    expect(found!.p99Ms).toBeLessThanOrEqual(si.p99Ms);
    expect(measurements.length * 3).toBeLessThanOrEqual(sweep.length);
  });

  it('an unbatched model only ever tries batch 1', () => {
    const { measurements } = runSearch(input({ maxBatchCap: 0 }));
    expect(new Set(measurements.map((m) => m.candidate.maxBatchSize))).toEqual(new Set([1]));
  });

  it('stops at the deadline on the fake clock, keeping what it measured', () => {
    const { measurements, reason } = runSearch(input({ deadlineMs: 5_000 }), 1_000);
    expect(reason).toBe('deadline');
    expect(measurements).toHaveLength(5);
  });

  it('measures a candidate at rising concurrency and stops when p99 breaks the SLA', () => {
    const si = input({ p99Ms: 3 });
    const first = nextStep(si, [], 0);
    expect(first).toMatchObject({ kind: 'measure', stage: 'layout', concurrency: 1 });
    const c = (first as { candidate: Candidate }).candidate;
    const ok = { ...simulate(c, 1), p99Ms: 1 };
    expect(nextStep(si, [ok], 0)).toMatchObject({ candidate: c, concurrency: 4 });
    const broken = { ...simulate(c, 4), p99Ms: 9 };
    expect(nextStep(si, [ok, broken], 0)).not.toMatchObject({ candidate: c });
  });

  it('counts a point with errors as breaking the SLA', () => {
    const c = (nextStep(input({}), [], 0) as { candidate: Candidate }).candidate;
    const failed = { ...simulate(c, 1), errors: 3 };
    expect(bestConfig([failed], 50)).toBeUndefined();
  });
});

describe('bestConfig', () => {
  const m = (maxBatchSize: number, throughputPerSec: number, p99Ms: number): Measurement => ({
    candidate: { instances: 2, intraOpThreads: 1, maxBatchSize, maxQueueDelayMs: 0, preferredBatchSizes: [] },
    concurrency: 16,
    throughputPerSec,
    p50Ms: p99Ms / 2,
    p99Ms,
    errors: 0,
  });

  it.each([
    ['the fastest within the SLA', [m(4, 1000, 10), m(8, 2000, 20), m(32, 3000, 80)], 50, 8],
    ['near-equal throughput: the larger batch (seed rule)', [m(4, 2000, 10), m(16, 1990, 30)], 50, 16],
    ['nothing within the SLA', [m(32, 3000, 80)], 50, undefined],
  ])('%s', (_name, ms, sla, batch) => {
    expect(bestConfig(ms, sla)?.candidate.maxBatchSize).toBe(batch);
  });
});

describe('paretoFront', () => {
  it('keeps the points nothing beats on both throughput and p99, by p99', () => {
    const pt = (t: number, p: number) => ({ candidate: { instances: 1, intraOpThreads: 1, maxBatchSize: 1, maxQueueDelayMs: 0, preferredBatchSizes: [] }, concurrency: 1, throughputPerSec: t, p50Ms: p, p99Ms: p, errors: 0 });
    const front = paretoFront([pt(100, 1), pt(90, 2), pt(300, 5), pt(250, 6), pt(400, 20)]);
    expect(front.map((f) => [f.throughputPerSec, f.p99Ms])).toEqual([[100, 1], [300, 5], [400, 20]]);
  });
});
