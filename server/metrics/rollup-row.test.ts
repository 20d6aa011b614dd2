import { describe, expect, it } from 'vitest';
import { rollupRowProblem, type RollupRow } from './rollup-row';

const good: RollupRow = {
  endpoint: 'ep',
  version: 1,
  bucketStart: new Date(10_000),
  resolutionSeconds: 10,
  requests: 5,
  errors: 1,
  clientErrors: 0,
  rejected: 1,
  latencyHistogram: '[[1000,4]]',
  cacheHits: 0,
  cacheMisses: 0,
  batches: 2,
  batchedItems: 4,
  queueDepthSum: 1.5,
  queueDepthSamples: 3,
};

describe('rollupRowProblem', () => {
  it.each([
    ['a complete row', {}, null],
    ['a row without latency', { latencyHistogram: null }, null],
    ['the series `/v2/models/__proto__/infer` once recorded', { endpoint: 'undefined', version: Number.NaN }, 'version NaN is not a positive integer'],
    ['an undefined version', { version: undefined as unknown as number }, 'version undefined is not a positive integer'],
    ['version 0', { version: 0 }, 'version 0 is not a positive integer'],
    ['a fractional version', { version: 1.5 }, 'version 1.5 is not a positive integer'],
    ['an empty endpoint', { endpoint: '' }, 'endpoint is not a name'],
    ['an endpoint that is not a string', { endpoint: undefined as unknown as string }, 'endpoint is not a name'],
    ['an invalid bucket start', { bucketStart: new Date(Number.NaN) }, 'bucket start is not a time'],
    ['resolution 0', { resolutionSeconds: 0 }, 'resolution 0 s is not a positive integer'],
    ['a NaN count', { requests: Number.NaN }, 'requests NaN is not a count'],
    ['a negative count', { rejected: -1 }, 'rejected -1 is not a count'],
    ['an infinite queue depth', { queueDepthSum: Infinity }, 'queueDepthSum Infinity is not a non-negative number'],
  ] as const)('%s → %s', (_, over, problem) => {
    expect(rollupRowProblem({ ...good, ...over })).toBe(problem);
  });
});
