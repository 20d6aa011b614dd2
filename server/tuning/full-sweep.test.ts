import { describe, expect, it } from 'vitest';
import { FULL_SWEEP_BATCHES, fullSweepGrid, fullSweepStep, type FullSweepInput } from './full-sweep';
import { candidateKey, nextStep, type Candidate, type Measurement } from './search';

const input = (over: Partial<FullSweepInput> = {}): FullSweepInput => ({ cores: 2, p99Ms: 50, concurrencies: [1, 4, 16, 64], maxBatchCap: 64, deadlineMs: Infinity, ...over });

type Model = (c: Candidate, concurrency: number) => Pick<Measurement, 'throughputPerSec' | 'p99Ms' | 'errors'>;

/** Runs a step function to its end against a made-up model; returns every point in order. */
function drive(step: (ms: readonly Measurement[]) => { kind: string; candidate?: Candidate; concurrency?: number }, model: Model): Measurement[] {
  const ms: Measurement[] = [];
  for (let i = 0; i < 10_000; i++) {
    const s = step(ms);
    if (s.kind === 'done') return ms;
    const r = model(s.candidate!, s.concurrency!);
    ms.push({ candidate: s.candidate!, concurrency: s.concurrency!, p50Ms: r.p99Ms / 2, ...r });
  }
  throw new Error('did not finish');
}

/** Throughput rises with every concurrency step and p99 stays low: every point gets measured. */
const alwaysRising: Model = (_c, n) => ({ throughputPerSec: 100 * n, p99Ms: 1, errors: 0 });
/** Batch 32 is best, so the tuner visits coarse batches, their neighbours (8, 32) and the delay stage. */
const batch32Best: Model = (c, n) => ({ throughputPerSec: 100 * n * (c.maxBatchSize <= 32 ? c.maxBatchSize : 16), p99Ms: 1, errors: 0 });

describe('fullSweepGrid', () => {
  it.each([
    ['2 cores: 1×2 and 2×1, 7 batches (batch 1 undelayed, the rest × 3)', 2, 64, FULL_SWEEP_BATCHES, 38, ['1x2', '2x1']],
    ['1 core: one layout', 1, 64, FULL_SWEEP_BATCHES, 19, ['1x1']],
    ['8 cores: 1×8, 2×4 and 8×1', 8, 64, FULL_SWEEP_BATCHES, 57, ['1x8', '2x4', '8x1']],
    ['a model capped at batch 8 drops 16, 32, 64', 16, 8, FULL_SWEEP_BATCHES, 30, ['1x16', '2x8', '16x1']],
    ['an unbatched model (cap 0): batch 1 only', 2, 0, FULL_SWEEP_BATCHES, 2, ['1x2', '2x1']],
    ['the quick list 1, 4, 16', 2, 64, [16, 1, 4], 14, ['1x2', '2x1']],
  ])('%s', (_name, cores, cap, batches, size, layoutKeys) => {
    const grid = fullSweepGrid(cores, cap, batches);
    expect(grid).toHaveLength(size);
    expect([...new Set(grid.map((c) => `${c.instances}x${c.intraOpThreads}`))]).toEqual(layoutKeys);
    expect(new Set(grid.map(candidateKey)).size).toBe(size);
  });

  it('gives each batch above 1 delay 0, delay 1, and delay 1 with the batch preferred, in rising batch order', () => {
    const grid = fullSweepGrid(1, 64, [4, 1]);
    expect(grid.map(candidateKey)).toEqual(['1x1/b1/d0/p', '1x1/b4/d0/p', '1x1/b4/d1/p', '1x1/b4/d1/p4']);
  });

  it.each([
    ['2 cores, loose SLA', input()],
    ['8 cores, 20 ms', input({ cores: 8, p99Ms: 20 })],
    ['16 cores, model capped at batch 8', input({ cores: 16, maxBatchCap: 8 })],
    ['unbatched', input({ maxBatchCap: 0 })],
  ])('%s: holds every candidate the tuner measures, so the sweep is the tuner\'s upper bound', (_name, si) => {
    const grid = new Set(fullSweepGrid(si.cores, si.maxBatchCap).map(candidateKey));
    const tuned = drive((ms) => nextStep(si, ms, 0), batch32Best);
    expect(tuned.length).toBeGreaterThan(0);
    for (const m of tuned) expect(grid).toContain(candidateKey(m.candidate));
  });
});

describe('fullSweepStep', () => {
  const first = fullSweepGrid(2, 64)[0]!;
  const second = fullSweepGrid(2, 64)[1]!;
  const at = (c: Candidate, concurrency: number, throughputPerSec: number, p99Ms = 5, errors = 0): Measurement => ({ candidate: c, concurrency, throughputPerSec, p50Ms: p99Ms / 2, p99Ms, errors });

  it.each<[string, Measurement[], Candidate, number]>([
    ['starts at the first candidate, lowest concurrency', [], first, 1],
    ['rises while p99 holds and throughput gains ≥ 5 %', [at(first, 1, 100), at(first, 4, 105)], first, 16],
    ['moves on when p99 breaks the SLA', [at(first, 1, 100), at(first, 4, 300, 51)], second, 1],
    ['moves on at an error', [at(first, 1, 100), at(first, 4, 300, 5, 1)], second, 1],
    ['moves on when throughput gains under 5 %', [at(first, 1, 100), at(first, 4, 104.9)], second, 1],
    ['moves on after the highest concurrency', [at(first, 1, 100), at(first, 4, 200), at(first, 16, 400), at(first, 64, 800)], second, 1],
  ])('%s', (_name, ms, candidate, concurrency) => {
    expect(fullSweepStep(input(), ms, 0)).toEqual({ kind: 'measure', stage: 'sweep', candidate, concurrency });
  });

  it.each([
    ['every point of every candidate when nothing stops early', input(), 38 * 4],
    ['the quick list on 2 cores', input({ batches: [1, 4, 16] }), 14 * 4],
    ['one point per candidate when the SLA breaks at one client', input({ p99Ms: 0.5 }), 38],
  ])('measures %s, then is done', (_name, si, points) => {
    const ms = drive((sofar) => fullSweepStep(si, sofar, 0), alwaysRising);
    expect(ms).toHaveLength(points);
    expect(fullSweepStep(si, ms, 0)).toEqual({ kind: 'done', reason: 'searched' });
  });

  it('stops at the deadline, whatever is left', () => {
    expect(fullSweepStep(input({ deadlineMs: 1000 }), [], 1000)).toEqual({ kind: 'done', reason: 'deadline' });
  });
});
