import { describe, expect, it } from 'vitest';
import { allowedReplicas, replicaCost } from './host-budget';

describe('replicaCost', () => {
  it.each([
    ['one instance, one thread', { instances: 1, intraOpThreads: 1, device: 'cpu' }, { cores: 1, gpus: 0 }],
    ['two instances of two threads', { instances: 2, intraOpThreads: 2, device: 'cpu' }, { cores: 4, gpus: 0 }],
    ['0 threads (all) counts as one', { instances: 3, intraOpThreads: 0, device: 'cpu' }, { cores: 3, gpus: 0 }],
    ['cuda takes a GPU', { instances: 1, intraOpThreads: 1, device: 'cuda' }, { cores: 1, gpus: 1 }],
  ])('%s', (_n, config, want) => expect(replicaCost(config)).toEqual(want));
});

describe('allowedReplicas', () => {
  it.each([
    ['an empty host of 8 cores fits 8 one-core replicas', { cores: 8, gpus: 0 }, { cores: 0, gpus: 0 }, { cores: 1, gpus: 0 }, 8],
    ['what others use is taken first', { cores: 8, gpus: 0 }, { cores: 5, gpus: 0 }, { cores: 1, gpus: 0 }, 3],
    ['a replica that does not fit whole does not count', { cores: 8, gpus: 0 }, { cores: 5, gpus: 0 }, { cores: 2, gpus: 0 }, 1],
    ['an overcommitted host allows none', { cores: 2, gpus: 0 }, { cores: 3, gpus: 0 }, { cores: 1, gpus: 0 }, 0],
    ['GPUs bound cuda replicas', { cores: 32, gpus: 2 }, { cores: 1, gpus: 1 }, { cores: 1, gpus: 1 }, 1],
    ['no GPU, no cuda replica', { cores: 32, gpus: 0 }, { cores: 0, gpus: 0 }, { cores: 1, gpus: 1 }, 0],
  ])('%s', (_n, budget, used, cost, want) => expect(allowedReplicas(budget, used, cost)).toBe(want));
});
