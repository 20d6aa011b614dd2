/**
 * `preferredBatchSizes: auto`, learned from the batches the runtime really runs (real inputs, real
 * shapes, the host's real contention), per batch key. Every batch that ran while other requests
 * waited (under load; the scheduler decides) is a sample of its size's compute time per item. Until each
 * profile size (1, 2, 4, … maxBatchSize) has a few fresh samples, the cap for the next batch is the
 * size that lacks them most (exploration: under load the queue fills any cap, so this costs a
 * handful of batches); then it is the size `chooseBatchSize` finds cheapest per item. Samples go
 * stale, so the choice follows changes in input shapes or host load. Under light load nothing
 * waits, nothing is learned, and the cap does not matter. No timers, no I/O: the
 * scheduler passes `nowMs`.
 */
import { chooseBatchSize, profileSizes, type ProfilePoint } from './batch-profile';

export interface CalibrationOptions {
  maxBatchSize: number;
  /** Fresh samples a size needs before it counts. */
  samplesPerSize: number;
  /** Samples older than this no longer count; the size is explored again. */
  staleAfterMs: number;
  /** Batch keys (input shapes) tracked at once; the least recently used is dropped. */
  maxKeys: number;
}

export const CALIBRATION_DEFAULTS = { samplesPerSize: 5, staleAfterMs: 60_000, maxKeys: 16 } as const;

interface Sample {
  perItemMs: number;
  atMs: number;
}

export interface KeyProfile {
  batchKey: string;
  points: (ProfilePoint & { samples: number })[];
  /** The size aimed for; undefined while some size is still being explored. */
  chosen?: number;
}

export class BatchCalibration {
  private readonly byKey = new Map<string, Map<number, Sample[]>>();
  private readonly sizes: number[];

  constructor(private readonly o: CalibrationOptions) {
    this.sizes = profileSizes(o.maxBatchSize);
  }

  /** The item cap for the next batch of requests sharing `batchKey`. */
  capFor(batchKey: string, nowMs: number): number {
    if (!this.sizes.length) return this.o.maxBatchSize;
    const points = this.points(this.samplesOf(batchKey), nowMs);
    return this.toExplore(points) ?? chooseBatchSize(points) ?? this.o.maxBatchSize;
  }

  /** One executed batch: `items` items took `computeMs` (input, inference and output together). */
  observe(batchKey: string, items: number, computeMs: number, nowMs: number): void {
    if (!this.sizes.includes(items) || !(computeMs > 0)) return;
    const samples = this.samplesOf(batchKey);
    const list = samples.get(items) ?? [];
    list.push({ perItemMs: computeMs / items, atMs: nowMs });
    if (list.length > this.o.samplesPerSize * 2) list.shift();
    samples.set(items, list);
  }

  /** What was learned, for `/config` and the log. */
  profiles(nowMs: number): KeyProfile[] {
    return [...this.byKey].map(([batchKey, samples]) => {
      const points = this.points(samples, nowMs);
      const settled = this.toExplore(points) === undefined;
      return { batchKey, points, ...(settled && { chosen: chooseBatchSize(points) }) };
    });
  }

  private samplesOf(batchKey: string): Map<number, Sample[]> {
    let samples = this.byKey.get(batchKey);
    if (samples) {
      // Most recently used last, so the first key is the one to drop.
      this.byKey.delete(batchKey);
    } else {
      samples = new Map();
      if (this.byKey.size >= this.o.maxKeys) this.byKey.delete(this.byKey.keys().next().value!);
    }
    this.byKey.set(batchKey, samples);
    return samples;
  }

  private fresh(list: Sample[] | undefined, nowMs: number): Sample[] {
    return (list ?? []).filter((s) => nowMs - s.atMs <= this.o.staleAfterMs);
  }

  /** Each profile size with fresh samples: their median cost per item and how many there are. */
  private points(samples: Map<number, Sample[]>, nowMs: number): (ProfilePoint & { samples: number })[] {
    return this.sizes.flatMap((size) => {
      const fresh = this.fresh(samples.get(size), nowMs);
      return fresh.length ? [{ batchSize: size, perItemMs: median(fresh), samples: fresh.length }] : [];
    });
  }

  /**
   * The size to explore next: the one with the fewest fresh samples, among equals the largest (the
   * cheapest to explore under load); undefined once every size has enough.
   */
  private toExplore(points: readonly { batchSize: number; samples: number }[]): number | undefined {
    const count = (size: number) => points.find((p) => p.batchSize === size)?.samples ?? 0;
    let pick: number | undefined;
    for (const size of this.sizes) {
      if (count(size) >= this.o.samplesPerSize) continue;
      if (pick === undefined || count(size) < count(pick) || (count(size) === count(pick) && size > pick)) pick = size;
    }
    return pick;
  }
}

/**
 * The median, not the minimum: under load a short batch is preempted less often than a long one,
 * so the luckiest sample favours small batches; exploration interleaves the sizes, so their
 * medians see the same load.
 */
function median(samples: readonly Sample[]): number {
  const sorted = samples.map((s) => s.perItemMs).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
