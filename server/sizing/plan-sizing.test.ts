import { describe, expect, it } from 'vitest';
import { planSizing, scratchCores, type SizingRequest } from './plan-sizing';

const gpu = (index: number) => ({ index, name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559 });
const auto = (key: string, replicas = 1, device: 'cpu' | 'cuda' = 'cpu'): SizingRequest => ({ key, device, instances: 'auto', intraOpThreads: 'auto', replicas });
const fixed = (key: string, instances: number, intraOpThreads: number, replicas = 1): SizingRequest => ({ key, device: 'cpu', instances, intraOpThreads, replicas });

describe('planSizing', () => {
  it.each([
    ['1 core, one auto endpoint: one instance, one thread', 1, [auto('a')], 'a', { instances: 1, intraOpThreads: 1, intraOpSpinning: false }],
    ['2 cores, one auto endpoint: two single-threaded instances (the hand-tuned best)', 2, [auto('a')], 'a', { instances: 2, intraOpThreads: 1, intraOpSpinning: false }],
    ['8 cores, one auto endpoint: two instances of four threads', 8, [auto('a')], 'a', { instances: 2, intraOpThreads: 4, intraOpSpinning: false }],
    ['8 cores, two auto endpoints: four cores each', 8, [auto('a'), auto('b')], 'b', { instances: 2, intraOpThreads: 2, intraOpSpinning: false }],
    ['8 cores, an auto endpoint with 4 replicas: two cores per replica', 8, [auto('a', 4)], 'a', { instances: 2, intraOpThreads: 1, coresPerReplica: 2 }],
    ['2 cores, three auto endpoints: never below one instance and one thread', 2, [auto('a'), auto('b'), auto('c')], 'c', { instances: 1, intraOpThreads: 1 }],
    ['8 cores, a fixed 1×4 takes its cores first: auto shares the other four', 8, [fixed('f', 1, 4), auto('a')], 'a', { instances: 2, intraOpThreads: 2 }],
    ['8 cores, fixed sizes leave a core free: spinning stays on', 8, [fixed('f', 2, 3)], 'f', { instances: 2, intraOpThreads: 3, intraOpSpinning: true }],
    ['4 cores, fixed sizes fill every core: spinning off', 4, [fixed('f', 2, 2)], 'f', { intraOpSpinning: false }],
    ['8 cores, auto instances with 2 fixed threads: as many instances as fit', 8, [{ ...auto('a'), intraOpThreads: 2 }], 'a', { instances: 4, intraOpThreads: 2 }],
    ['8 cores, 4 fixed instances with auto threads: threads fill the share', 8, [{ ...auto('a'), instances: 4 }], 'a', { instances: 4, intraOpThreads: 2 }],
    ['intra-op threads 0 (ORT default: one per core) counts as every core', 4, [fixed('f', 1, 0), auto('a')], 'a', { instances: 1, intraOpThreads: 1 }],
  ])('%s', (_name, cpus, requests, key, expected) => {
    expect(planSizing({ cpus, gpus: [] }, requests).byKey.get(key)).toMatchObject(expected);
  });

  it.each([
    ['one instance per GPU', [gpu(0), gpu(1), gpu(2), gpu(3)], { instances: 4, intraOpThreads: 1, coresPerReplica: 0 }],
    ['no GPU visible: one instance (the runtime reports why CUDA is not ready)', [], { instances: 1, intraOpThreads: 1 }],
  ])('cuda, auto: %s', (_name, gpus, expected) => {
    expect(planSizing({ cpus: 16, gpus }, [auto('g', 1, 'cuda')]).byKey.get('g')).toMatchObject(expected);
  });

  it('does not count GPU runtimes against the CPU share', () => {
    const plan = planSizing({ cpus: 4, gpus: [gpu(0)] }, [auto('g', 1, 'cuda'), auto('a')]);
    expect(plan.byKey.get('a')).toMatchObject({ instances: 2, intraOpThreads: 2 });
    expect(plan.usedCores).toBe(4);
  });

  it.each([
    ['no runtimes: the whole host', 2, [], 2],
    ['auto-sized runtimes share: they leave room', 2, [auto('a')], 2],
    ['fixed sizes hold their cores', 8, [fixed('f', 2, 3)], 2],
    ['fixed sizes over the whole host: none left', 2, [fixed('f', 2, 1)], 0],
  ])('scratch cores, %s', (_name, cpus, requests, expected) => {
    expect(scratchCores(planSizing({ cpus, gpus: [] }, requests))).toBe(expected);
  });
});
