/**
 * The full sweep the tuner is judged against (issue 11): every candidate of the grid the tuner's
 * stages pick from, each measured with the tuner's own per-candidate rule (rising concurrency until
 * p99 breaks the SLA, an error, or a gain under 5 %). Pure and stateless like `nextStep`, so the
 * same loop (`runSearch`) drives both and their times compare. Used by the bench, not the API.
 */
import { layouts, nextConcurrency, pointsOf, type Candidate, type Measurement, type SearchInput } from './search';

export const FULL_SWEEP_BATCHES: readonly number[] = [1, 2, 4, 8, 16, 32, 64];

export interface FullSweepInput extends SearchInput {
  /** Max batch sizes to sweep (those above the model's cap are left out); default FULL_SWEEP_BATCHES. */
  batches?: readonly number[];
}

export type FullSweepStep =
  | { kind: 'measure'; stage: 'sweep'; candidate: Candidate; concurrency: number }
  | { kind: 'done'; reason: 'searched' | 'deadline' };

/**
 * Layouts (those the tuner's layout stage considers) × max batch × queue delay 0 and 1 ms, the
 * delayed ones alone and with the batch preferred. A batch of one is full at once, so batch 1
 * gets no delay (runtime/batching/batch-policy.ts dispatches it as delay 0 would).
 */
export function fullSweepGrid(cores: number, maxBatchCap: number, batches: readonly number[] = FULL_SWEEP_BATCHES): Candidate[] {
  // An unbatched model (cap 0) has batch 1 only, whatever the list says.
  const sizes = maxBatchCap <= 0 ? [1] : [...new Set(batches)].filter((b) => b >= 1 && b <= maxBatchCap).sort((a, b) => a - b);
  const grid: Candidate[] = [];
  for (const layout of layouts(cores)) {
    for (const maxBatchSize of sizes) {
      grid.push({ ...layout, maxBatchSize, maxQueueDelayMs: 0, preferredBatchSizes: [] });
      if (maxBatchSize === 1) continue;
      grid.push({ ...layout, maxBatchSize, maxQueueDelayMs: 1, preferredBatchSizes: [] });
      grid.push({ ...layout, maxBatchSize, maxQueueDelayMs: 1, preferredBatchSizes: [maxBatchSize] });
    }
  }
  return grid;
}

/** The first grid candidate not yet finished gets the next point; grid order is the measuring order. */
export function fullSweepStep(input: FullSweepInput, measurements: readonly Measurement[], nowMs: number): FullSweepStep {
  if (nowMs >= input.deadlineMs) return { kind: 'done', reason: 'deadline' };
  for (const candidate of fullSweepGrid(input.cores, input.maxBatchCap, input.batches)) {
    const concurrency = nextConcurrency(pointsOf(measurements, candidate), input);
    if (concurrency !== undefined) return { kind: 'measure', stage: 'sweep', candidate, concurrency };
  }
  return { kind: 'done', reason: 'searched' };
}
