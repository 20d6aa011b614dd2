/**
 * The batcher's timing on a fake clock: when a request waits and when it goes, with an instance
 * pool that runs instantly (an echo) and counts what it was given. The real pool with ONNX Runtime
 * is covered by the runtime process tests; here only the scheduler's timer is under test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DecodedRequest } from '../codec/types';
import type { InstancePool } from '../execution/instance-pool';
import type { WireTensor } from '../execution/messages';
import { BatchCalibration, CALIBRATION_DEFAULTS } from './batch-calibration';
import { Scheduler, type SchedulerOptions } from './scheduler';

/** Instances that answer at once with their input as output; batches are recorded by size. */
function echoPool(slots: number, computeNsOf: (items: number) => number = () => 0) {
  let free = slots;
  let onFree: () => void = () => undefined;
  const batches: number[] = [];
  const pool = {
    onSlotFree: (listener: () => void) => (onFree = listener),
    freeSlots: () => free,
    run: (inputs: WireTensor[]) => {
      free--;
      batches.push(inputs[0]!.shape[0]!);
      return Promise.resolve().then(() => {
        free++;
        queueMicrotask(onFree);
        return { outputs: inputs.map((t) => ({ ...t, name: 'y' })), inputNs: 0, inferNs: 0, outputNs: 0, computeNs: computeNsOf(t0(inputs)) };
      });
    },
  };
  return { pool: pool as unknown as InstancePool, batches, setFree: (n: number) => (free = n), wake: () => onFree() };
}

const t0 = (inputs: WireTensor[]) => inputs[0]!.shape[0]!;

const request = (id: string, items = 1): DecodedRequest => ({
  id,
  inputs: [{ name: 'x', datatype: 'FP32', shape: [items, 2], bytes: new Uint8Array(items * 8) }],
  outputs: [{ name: 'y', binary: true }],
  items,
  priority: 0,
});

const options = (over: Partial<SchedulerOptions> = {}): SchedulerOptions => ({ maxBatchSize: 8, preferredBatchSizes: [], maxQueueDelayMs: 0, maxQueueSize: 100, queueTimeoutMs: 0, ...over });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Scheduler timing', () => {
  it('greedy (no delay): a request runs as soon as a slot is free', async () => {
    const { pool, batches } = echoPool(1);
    const s = new Scheduler(options(), pool, () => undefined);
    await s.submit(request('a'));
    expect(batches).toEqual([1]);
  });

  it('with a queue delay, a lone request waits exactly that long for company', async () => {
    const { pool, batches } = echoPool(1);
    const s = new Scheduler(options({ maxQueueDelayMs: 5 }), pool, () => undefined);
    const done = s.submit(request('a'));
    await vi.advanceTimersByTimeAsync(4.9);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(0.1);
    await done;
    expect(batches).toEqual([1]);
  });

  it('requests arriving within the delay run as one batch', async () => {
    const { pool, batches } = echoPool(1);
    const s = new Scheduler(options({ maxQueueDelayMs: 5 }), pool, () => undefined);
    const first = s.submit(request('a'));
    await vi.advanceTimersByTimeAsync(2);
    const second = s.submit(request('b', 2));
    await vi.advanceTimersByTimeAsync(3);
    await Promise.all([first, second]);
    expect(batches).toEqual([3]);
  });

  it('a preferred batch size goes at once, without waiting out the delay', async () => {
    const { pool, batches } = echoPool(1);
    const s = new Scheduler(options({ maxQueueDelayMs: 50, preferredBatchSizes: [2] }), pool, () => undefined);
    const both = Promise.all([s.submit(request('a')), s.submit(request('b'))]);
    await vi.advanceTimersByTimeAsync(0);
    await both;
    expect(batches).toEqual([2]);
  });

  it('a request that cannot get a slot times out in the queue after queueTimeoutMs', async () => {
    const { pool, batches, setFree } = echoPool(1);
    setFree(0);
    const s = new Scheduler(options({ queueTimeoutMs: 100 }), pool, () => undefined);
    const waiting = s.submit(request('a'));
    const outcome = waiting.then(
      () => 'ran',
      (err: Error) => err.message,
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(s.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('the request timed out in the queue before it could run');
    expect(batches).toEqual([]);
  });
});

describe('Scheduler with preferredBatchSizes auto', () => {
  /** A cache-bound model: 1 ms per item at batch 4, 2 ms per item at any other size. */
  const cacheBound = (items: number) => (items === 4 ? 1e6 : 2e6) * items;

  it('under load, explores the sizes and then forms batches of the cheapest one', async () => {
    const { pool, batches } = echoPool(1, cacheBound);
    const calibration = new BatchCalibration({ ...CALIBRATION_DEFAULTS, maxBatchSize: 8 });
    const s = new Scheduler(options({ calibration, maxQueueSize: 1000 }), pool, () => undefined);
    await Promise.all(Array.from({ length: 200 }, (_, i) => s.submit(request(`r${i}`))));
    expect(new Set(batches.slice(0, 20))).toEqual(new Set([1, 2, 4, 8]));
    expect(batches.slice(-10)).toEqual(Array(10).fill(4));
    expect(calibration.profiles(performance.now())[0]!.chosen).toBe(4);
  });

  it('learns nothing from batches that ran with nothing waiting', async () => {
    const { pool, batches } = echoPool(1, cacheBound);
    const calibration = new BatchCalibration({ ...CALIBRATION_DEFAULTS, maxBatchSize: 8 });
    const s = new Scheduler(options({ calibration }), pool, () => undefined);
    for (let i = 0; i < 30; i++) await s.submit(request(`r${i}`));
    expect(batches).toEqual(Array(30).fill(1));
    expect(calibration.profiles(performance.now()).flatMap((p) => p.points)).toEqual([]);
  });
});
