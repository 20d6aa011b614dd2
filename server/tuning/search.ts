/**
 * The tuner's search, pure: from the measurements so far, the next point to measure or "done".
 * Stateless (everything is derived from `measurements`), so a fake clock and a table of
 * measurements test it without processes. Stages, as Model Analyzer's quick search:
 *  1. layout: instances × intra-op threads that fit the scratch cores, at a middling batch;
 *  2. batch: for the best layout, max batch sizes 1, 4, 16, 64 (within the cap), then the
 *     neighbours (×½, ×2) of the best; a batch whose first point breaks the SLA stops larger ones;
 *  3. delay: for the best batch, a 1 ms queue delay, alone and with that batch preferred.
 * Each candidate is measured at rising concurrency until p99 breaks the SLA, an error appears, or
 * throughput rises by less than 5 %. A candidate's score is its best throughput within the SLA.
 * Far fewer points than the full grid (layouts × batches × delays × preferred; full-sweep.ts).
 */
import type { TuningStage } from './vocabulary';

export interface Candidate {
  instances: number;
  intraOpThreads: number;
  maxBatchSize: number;
  maxQueueDelayMs: number;
  preferredBatchSizes: number[];
}

export interface Measurement {
  candidate: Candidate;
  concurrency: number;
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface SearchInput {
  /** Cores the scratch runtimes may use. */
  cores: number;
  p99Ms: number;
  concurrencies: readonly number[];
  /** The model's own batch limit (0: unbatched; only batch 1 exists). */
  maxBatchCap: number;
  deadlineMs: number;
}

export type SearchStep =
  | { kind: 'measure'; stage: Exclude<TuningStage, 'done'>; candidate: Candidate; concurrency: number }
  | { kind: 'done'; reason: 'searched' | 'deadline' };

const MIN_GAIN = 1.05;
const BASE_BATCH = 16;
const COARSE_BATCHES = [1, 4, 16, 64];

export const candidateKey = (c: Candidate): string => `${c.instances}x${c.intraOpThreads}/b${c.maxBatchSize}/d${c.maxQueueDelayMs}/p${c.preferredBatchSizes.join('.')}`;

export function describeCandidate(c: Candidate): string {
  const delay = c.maxQueueDelayMs ? `, ${c.maxQueueDelayMs} ms delay` : '';
  const preferred = c.preferredBatchSizes.length ? `, preferred ${c.preferredBatchSizes.join('/')}` : '';
  return `${c.instances}×${c.intraOpThreads} threads, batch ${c.maxBatchSize}${delay}${preferred}`;
}

const meets = (m: Measurement, p99Ms: number) => m.errors === 0 && m.p99Ms <= p99Ms;

/** A candidate's points, by rising concurrency. */
export function pointsOf(measurements: readonly Measurement[], c: Candidate): Measurement[] {
  const key = candidateKey(c);
  return measurements.filter((m) => candidateKey(m.candidate) === key).sort((a, b) => a.concurrency - b.concurrency);
}

/** The next concurrency to measure a candidate at, or undefined when it is finished. */
export function nextConcurrency(points: Measurement[], input: SearchInput): number | undefined {
  if (points.length === 0) return input.concurrencies[0];
  const last = points.at(-1)!;
  if (!meets(last, input.p99Ms)) return undefined;
  const prev = points.at(-2);
  if (prev && last.throughputPerSec < prev.throughputPerSec * MIN_GAIN) return undefined;
  return input.concurrencies.find((c) => c > last.concurrency);
}

/** Best throughput within the SLA; undefined when no point met it. */
export function scoreOf(points: readonly Measurement[], p99Ms: number): number | undefined {
  const ok = points.filter((m) => meets(m, p99Ms));
  return ok.length ? Math.max(...ok.map((m) => m.throughputPerSec)) : undefined;
}

export function layouts(cores: number): { instances: number; intraOpThreads: number }[] {
  const n = Math.max(1, cores);
  const out = [{ instances: 1, intraOpThreads: n }];
  if (n >= 2) out.push({ instances: 2, intraOpThreads: Math.floor(n / 2) });
  if (n >= 3) out.push({ instances: n, intraOpThreads: 1 });
  return out.filter((l, i) => out.findIndex((o) => o.instances === l.instances && o.intraOpThreads === l.intraOpThreads) === i);
}

function batchCap(input: SearchInput): number {
  return input.maxBatchCap <= 0 ? 1 : input.maxBatchCap;
}

/** Of `candidates` (in order of preference for ties), the one with the best score. */
function bestOf(candidates: Candidate[], measurements: readonly Measurement[], p99Ms: number): Candidate | undefined {
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates) {
    const score = scoreOf(pointsOf(measurements, c), p99Ms);
    if (score !== undefined && (!best || score > best.score)) best = { c, score };
  }
  return best?.c;
}

export function nextStep(input: SearchInput, measurements: readonly Measurement[], nowMs: number): SearchStep {
  if (nowMs >= input.deadlineMs) return { kind: 'done', reason: 'deadline' };
  const cap = batchCap(input);
  // Each stage is a list of candidates; the first unfinished one gets the next point.
  const pending = (stage: Exclude<TuningStage, 'done'>, candidates: Candidate[]): SearchStep | undefined => {
    for (const c of candidates) {
      const concurrency = nextConcurrency(pointsOf(measurements, c), input);
      if (concurrency !== undefined) return { kind: 'measure', stage, candidate: c, concurrency };
    }
    return undefined;
  };

  const base = Math.min(BASE_BATCH, cap);
  const layoutCandidates = layouts(input.cores).map((l) => ({ ...l, maxBatchSize: base, maxQueueDelayMs: 0, preferredBatchSizes: [] }));
  const inLayout = pending('layout', layoutCandidates);
  if (inLayout) return inLayout;
  const layout = bestOf(layoutCandidates, measurements, input.p99Ms) ?? layoutCandidates[0]!;

  const withBatch = (maxBatchSize: number): Candidate => ({ ...layout, maxBatchSize, maxQueueDelayMs: 0, preferredBatchSizes: [] });
  const coarse = [...new Set([...COARSE_BATCHES.filter((b) => b <= cap), base])].sort((a, b) => a - b);
  // Larger batches only add latency once the smallest concurrency breaks the SLA.
  const tooBig = (b: number) => {
    const first = pointsOf(measurements, withBatch(b))[0];
    return first !== undefined && !meets(first, input.p99Ms);
  };
  const batches: number[] = [];
  for (const b of coarse) {
    batches.push(b);
    if (tooBig(b)) break;
  }
  const inBatch = pending('batch', batches.map(withBatch));
  if (inBatch) return inBatch;
  const coarseBest = bestOf(batches.map(withBatch), measurements, input.p99Ms);
  if (coarseBest) {
    const b = coarseBest.maxBatchSize;
    const limit = Math.min(cap, ...batches.filter(tooBig));
    const neighbours = [Math.floor(b / 2), b * 2].filter((n) => n >= 1 && n <= cap && n < limit && !batches.includes(n));
    const inRefine = pending('batch', neighbours.map(withBatch));
    if (inRefine) return inRefine;
    const batch = bestOf([...batches, ...neighbours].map(withBatch), measurements, input.p99Ms)!;
    if (batch.maxBatchSize > 1) {
      const delayed = [
        { ...batch, maxQueueDelayMs: 1 },
        { ...batch, maxQueueDelayMs: 1, preferredBatchSizes: [batch.maxBatchSize] },
      ];
      const inDelay = pending('delay', delayed);
      if (inDelay) return inDelay;
    }
  }
  return { kind: 'done', reason: 'searched' };
}

export interface BestConfig {
  candidate: Candidate;
  throughputPerSec: number;
  p99Ms: number;
  concurrency: number;
}

/**
 * The config to apply: the highest throughput within the SLA; among near-equals (within 2 %),
 * the seed rule's pick, the largest batch, then the lower p99.
 */
export function bestConfig(measurements: readonly Measurement[], p99Ms: number): BestConfig | undefined {
  const ok = measurements.filter((m) => meets(m, p99Ms));
  if (!ok.length) return undefined;
  const top = Math.max(...ok.map((m) => m.throughputPerSec));
  const near = ok.filter((m) => m.throughputPerSec >= top * 0.98);
  near.sort((a, b) => b.candidate.maxBatchSize - a.candidate.maxBatchSize || b.throughputPerSec - a.throughputPerSec || a.p99Ms - b.p99Ms);
  const m = near[0]!;
  return { candidate: m.candidate, throughputPerSec: m.throughputPerSec, p99Ms: m.p99Ms, concurrency: m.concurrency };
}

/** Points no other point beats on both throughput (higher) and p99 (lower): the trade-off curve. */
export function paretoFront(measurements: readonly Measurement[]): Measurement[] {
  const clean = measurements.filter((m) => m.errors === 0);
  return clean
    .filter((m) => !clean.some((o) => o !== m && o.throughputPerSec >= m.throughputPerSec && o.p99Ms <= m.p99Ms && (o.throughputPerSec > m.throughputPerSec || o.p99Ms < m.p99Ms)))
    .sort((a, b) => a.p99Ms - b.p99Ms);
}
