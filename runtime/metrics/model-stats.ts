/**
 * Cumulative per-model statistics in the shape of Triton's statistics extension
 * (`GET /v2/models/{name}/stats`). Durations are nanoseconds, as Triton reports them.
 */
interface Duration {
  count: number;
  ns: number;
}
interface BatchDurations {
  compute_input: Duration;
  compute_infer: Duration;
  compute_output: Duration;
}
const zero = (): Duration => ({ count: 0, ns: 0 });
const add = (d: Duration, ns: number) => {
  d.count++;
  d.ns += Math.round(ns);
};

export interface RequestTimings {
  items: number;
  totalNs: number;
  queueNs: number;
  inputNs: number;
  inferNs: number;
  outputNs: number;
}

export class ModelStats {
  private readonly inference = {
    success: zero(),
    fail: zero(),
    queue: zero(),
    compute_input: zero(),
    compute_infer: zero(),
    compute_output: zero(),
    cache_hit: zero(),
    cache_miss: zero(),
  };
  private readonly batches = new Map<number, BatchDurations>();
  private inferenceCount = 0;
  private executionCount = 0;
  private lastInferenceMs = 0;

  execution(batchSize: number, inputNs: number, inferNs: number, outputNs: number, nowMs: number): void {
    this.executionCount++;
    this.lastInferenceMs = nowMs;
    let b = this.batches.get(batchSize);
    if (!b) this.batches.set(batchSize, (b = { compute_input: zero(), compute_infer: zero(), compute_output: zero() }));
    add(b.compute_input, inputNs);
    add(b.compute_infer, inferNs);
    add(b.compute_output, outputNs);
  }

  /** A request answered from the model (not the cache): Triton attributes batch times to each. */
  success(t: RequestTimings): void {
    this.inferenceCount += t.items;
    add(this.inference.success, t.totalNs);
    add(this.inference.queue, t.queueNs);
    add(this.inference.compute_input, t.inputNs);
    add(this.inference.compute_infer, t.inferNs);
    add(this.inference.compute_output, t.outputNs);
  }

  cacheHit(items: number, lookupNs: number, totalNs: number, nowMs: number): void {
    this.inferenceCount += items;
    this.lastInferenceMs = nowMs;
    add(this.inference.success, totalNs);
    add(this.inference.cache_hit, lookupNs);
  }

  cacheMiss(lookupAndInsertNs: number): void {
    add(this.inference.cache_miss, lookupAndInsertNs);
  }

  failure(totalNs: number): void {
    add(this.inference.fail, totalNs);
  }

  toTriton(name: string, version: string) {
    return {
      model_stats: [
        {
          name,
          version,
          last_inference: this.lastInferenceMs,
          inference_count: this.inferenceCount,
          execution_count: this.executionCount,
          inference_stats: this.inference,
          batch_stats: [...this.batches.entries()]
            .sort(([a], [b]) => a - b)
            .map(([batch_size, d]) => ({ batch_size, ...d })),
        },
      ],
    };
  }
}
