/**
 * The tuner's loop, shared by TuningRunner and the tuner-vs-sweep bench: ask `next` for a step,
 * replace the scratch runtime when the candidate changes (one at a time), measure the point, keep
 * it. The effects come in as callbacks; the loop owns the order and the scratch runtime's life.
 */
import type { PointResult } from './measure';
import type { ScratchRuntime } from './scratch-runtime';
import { candidateKey, describeCandidate, type Candidate, type Measurement } from './search';

/** What `nextStep` (the tuner) and `fullSweepStep` (its yardstick) both return. */
export type LoopStep =
  | { kind: 'measure'; stage: string; candidate: Candidate; concurrency: number }
  | { kind: 'done'; reason: 'searched' | 'deadline' };

export interface SearchLoop {
  next(measurements: readonly Measurement[]): LoopStep;
  launch(candidate: Candidate): ScratchRuntime;
  measure(socketPath: string, concurrency: number, signal: AbortSignal): Promise<PointResult>;
  signal: AbortSignal;
  onProgress(stage: string, message: string, measurements: readonly Measurement[]): void;
}

export interface SearchOutcome {
  measurements: Measurement[];
  /** Why the search ended; undefined when it was aborted. */
  finished: 'searched' | 'deadline' | undefined;
  /** Scratch runtimes started: one per candidate, as a step function finishes one before the next. */
  launched: number;
}

/** Throws when a scratch runtime exits before it serves; the runtime in use is retired either way. */
export async function runSearch(o: SearchLoop): Promise<SearchOutcome> {
  const measurements: Measurement[] = [];
  let scratch: { key: string; runtime: ScratchRuntime } | undefined;
  let launched = 0;
  let finished: SearchOutcome['finished'];
  try {
    for (;;) {
      const step = o.next(measurements);
      if (o.signal.aborted) break;
      if (step.kind === 'done') {
        finished = step.reason;
        o.onProgress('done', step.reason === 'deadline' ? 'stopped at maxMinutes' : 'search complete', measurements);
        break;
      }
      const key = candidateKey(step.candidate);
      if (scratch?.key !== key) {
        if (scratch) await scratch.runtime.retire();
        scratch = undefined;
        o.onProgress(step.stage, `starting ${describeCandidate(step.candidate)}`, measurements);
        scratch = { key, runtime: o.launch(step.candidate) };
        launched++;
        await readyOrAborted(scratch.runtime.ready, o.signal);
        if (o.signal.aborted) break;
      }
      o.onProgress(step.stage, `measuring ${describeCandidate(step.candidate)} at ${step.concurrency} clients`, measurements);
      const point = await o.measure(scratch.runtime.socketPath, step.concurrency, o.signal);
      if (o.signal.aborted) break;
      measurements.push({ candidate: step.candidate, concurrency: step.concurrency, ...point });
      o.onProgress(step.stage, `measured ${describeCandidate(step.candidate)} at ${step.concurrency} clients`, measurements);
    }
  } finally {
    if (scratch) await scratch.runtime.retire();
  }
  return { measurements, finished, launched };
}

/** The listener goes when the runtime is ready: one signal outlives many candidates (and searches). */
async function readyOrAborted(ready: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  let onAbort!: () => void;
  const aborted = new Promise<void>((resolve) => (onAbort = resolve));
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race([ready, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
