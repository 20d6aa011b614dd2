import { describe, expect, it } from 'vitest';
import { ModelStats } from './model-stats';

describe('ModelStats (Triton statistics shape)', () => {
  it('counts inferences by item, executions by batch, and durations per request', () => {
    const s = new ModelStats();
    s.execution(3, 10, 100, 5, 1234);
    s.success({ items: 2, totalNs: 500, queueNs: 50, inputNs: 10, inferNs: 100, outputNs: 5 });
    s.success({ items: 1, totalNs: 400, queueNs: 40, inputNs: 10, inferNs: 100, outputNs: 5 });
    s.cacheHit(4, 7, 30, 2000);
    s.cacheMiss(9);
    s.failure(60);
    const [m] = s.toTriton('demo', '1').model_stats;
    expect(m).toMatchObject({
      name: 'demo',
      version: '1',
      last_inference: 2000,
      inference_count: 7,
      execution_count: 1,
      inference_stats: {
        success: { count: 3, ns: 930 },
        fail: { count: 1, ns: 60 },
        queue: { count: 2, ns: 90 },
        compute_input: { count: 2, ns: 20 },
        compute_infer: { count: 2, ns: 200 },
        compute_output: { count: 2, ns: 10 },
        cache_hit: { count: 1, ns: 7 },
        cache_miss: { count: 1, ns: 9 },
      },
      batch_stats: [{ batch_size: 3, compute_input: { count: 1, ns: 10 }, compute_infer: { count: 1, ns: 100 }, compute_output: { count: 1, ns: 5 } }],
    });
  });

  it('lists batch sizes in ascending order', () => {
    const s = new ModelStats();
    for (const size of [8, 1, 4, 1]) s.execution(size, 1, 1, 1, 0);
    const sizes = s.toTriton('m', '1').model_stats[0]!.batch_stats.map((b) => [b.batch_size, b.compute_infer.count]);
    expect(sizes).toEqual([
      [1, 2],
      [4, 1],
      [8, 1],
    ]);
  });
});
