import { describe, expect, it } from 'vitest';
import { decideBatch, type BatchDecision, type BatchPolicyConfig, type QueuedRequest } from './batch-policy';

const cfg = (over: Partial<BatchPolicyConfig> = {}): BatchPolicyConfig => ({
  maxBatchSize: 8,
  preferredBatchSizes: [],
  maxQueueDelayMs: 10,
  ...over,
});

/** Requests `r(id, items?, {at, key, deadline})`, queued in the order given. */
const r = (id: number, items = 1, o: { at?: number; key?: string; deadline?: number } = {}): QueuedRequest => ({
  id,
  items,
  enqueuedAtMs: o.at ?? 100,
  batchKey: o.key ?? 'k',
  deadlineMs: o.deadline ?? Infinity,
});

const dispatch = (ids: number[], expired: number[] = []): BatchDecision => ({ kind: 'dispatch', ids, expired });
const wait = (untilMs: number | null, expired: number[] = []): BatchDecision => ({ kind: 'wait', untilMs, expired });

describe('decideBatch', () => {
  const cases: [string, QueuedRequest[], BatchPolicyConfig, number, number, BatchDecision][] = [
    ['empty queue waits with no timer', [], cfg(), 100, 1, wait(null)],
    ['waits for the max queue delay of the oldest request', [r(1, 1, { at: 100 }), r(2, 1, { at: 105 })], cfg(), 103, 1, wait(110)],
    ['dispatches everything pending once the delay has passed', [r(1, 1, { at: 100 }), r(2, 1, { at: 105 })], cfg(), 110, 1, dispatch([1, 2])],
    ['greedy (delay 0) dispatches at once', [r(1), r(2)], cfg({ maxQueueDelayMs: 0 }), 100, 1, dispatch([1, 2])],
    ['dispatches at once when the batch reaches max batch size', [r(1, 4), r(2, 4), r(3)], cfg(), 100, 1, dispatch([1, 2])],
    ['a request that would overflow max batch size ends the batch and sends it', [r(1, 5), r(2, 4)], cfg(), 100, 1, dispatch([1])],
    ['a request with another shape ends the batch and sends it', [r(1), r(2, 1, { key: 'other' }), r(3)], cfg(), 100, 1, dispatch([1])],
    ['a different-shape head batches with its own kind', [r(2, 1, { key: 'other' }), r(3)], cfg({ maxQueueDelayMs: 0 }), 100, 1, dispatch([2])],
    ['reaching a preferred size dispatches before the delay', [r(1, 2), r(2, 2)], cfg({ preferredBatchSizes: [4] }), 101, 1, dispatch([1, 2])],
    [
      'the longest preferred prefix goes, leaving the rest queued',
      [r(1, 2), r(2, 2), r(3, 1)],
      cfg({ preferredBatchSizes: [4, 6] }),
      101,
      1,
      dispatch([1, 2]),
    ],
    ['not yet preferred: waits', [r(1, 1), r(2, 2)], cfg({ preferredBatchSizes: [4] }), 101, 1, wait(110)],
    ['the largest preferred size caps growth', [r(1, 2), r(2, 2), r(3, 2)], cfg({ preferredBatchSizes: [2, 4] }), 101, 1, dispatch([1, 2])],
    ['past the delay everything pending goes even off a preferred size', [r(1, 3)], cfg({ preferredBatchSizes: [4] }), 111, 1, dispatch([1])],
    ['no free slot: waits (timer only for a deadline)', [r(1, 1, { deadline: 150 })], cfg(), 200 - 100, 0, wait(150)],
    ['no free slot and no deadline: no timer', [r(1)], cfg({ maxQueueDelayMs: 0 }), 100, 0, wait(null)],
    ['expired requests are returned and never dispatched', [r(1, 1, { deadline: 105 }), r(2)], cfg({ maxQueueDelayMs: 0 }), 105, 1, dispatch([2], [1])],
    ['the next deadline bounds the wait', [r(1, 1, { at: 100, deadline: 104 })], cfg(), 101, 1, wait(104)],
    ['unbatched (max batch size 0) runs the head alone', [r(1), r(2)], cfg({ maxBatchSize: 0 }), 100, 1, dispatch([1])],
    [
      'priority order is the queue order: a later high-priority head leads the batch',
      [r(9, 1, { at: 120 }), r(1, 1, { at: 100 })],
      cfg({ maxBatchSize: 1 }),
      120,
      1,
      dispatch([9]),
    ],
    ['the delay counts from the oldest member, not the head', [r(9, 1, { at: 120 }), r(1, 1, { at: 100 })], cfg(), 110, 1, dispatch([9, 1])],
  ];

  it.each(cases)('%s', (_name, queue, config, nowMs, freeSlots, expected) => {
    expect(decideBatch(queue, config, nowMs, freeSlots)).toEqual(expected);
  });
});
