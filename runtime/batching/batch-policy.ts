/**
 * Batch formation, after Triton's `DynamicBatchScheduler::GetDynamicBatch`: given the queue (in
 * dispatch order), the knobs, `nowMs` and the free instance slots, decide "dispatch these
 * requests" or "wait until t". Pure; the scheduler owns the queue and the timer.
 *
 * - Requests that reached their deadline are returned as expired (answered 503, never run).
 * - A batch grows from the head while requests share its batch key (dtypes and per-item shapes)
 *   and fit `maxBatchSize`; a request that cannot join ends the batch and sends it at once.
 * - It is sent when it cannot grow (max preferred size, or max batch size), when a preferred
 *   size was reached (the longest such prefix), when the oldest member waited `maxQueueDelayMs`
 *   (everything pending goes), or at once when the delay is 0 (greedy).
 */

export interface QueuedRequest {
  id: number;
  enqueuedAtMs: number;
  /** Past this the request must not run; Infinity = never. */
  deadlineMs: number;
  /** Requests with different keys never share a batch. */
  batchKey: string;
  /** Items in dim 0 (1 for unbatched models). */
  items: number;
}

export interface BatchPolicyConfig {
  /** 0 = the model cannot batch: each request runs alone. */
  maxBatchSize: number;
  preferredBatchSizes: readonly number[];
  maxQueueDelayMs: number;
}

export type BatchDecision =
  | { kind: 'dispatch'; ids: number[]; expired: number[] }
  /** `untilMs` null: nothing to time; re-decide on the next enqueue or freed slot. */
  | { kind: 'wait'; untilMs: number | null; expired: number[] };

/** `queue` must be in dispatch order: priority level, then arrival. */
export function decideBatch(
  queue: readonly QueuedRequest[],
  config: BatchPolicyConfig,
  nowMs: number,
  freeSlots: number,
): BatchDecision {
  const expired: number[] = [];
  const live: QueuedRequest[] = [];
  let nextDeadlineMs = Infinity;
  for (const r of queue) {
    if (r.deadlineMs <= nowMs) expired.push(r.id);
    else {
      live.push(r);
      nextDeadlineMs = Math.min(nextDeadlineMs, r.deadlineMs);
    }
  }
  const wait = (untilMs: number): BatchDecision => ({
    kind: 'wait',
    untilMs: Number.isFinite(untilMs) ? untilMs : null,
    expired,
  });
  const head = live[0];
  if (!head || freeSlots <= 0) return wait(nextDeadlineMs);
  if (config.maxBatchSize <= 0) return { kind: 'dispatch', ids: [head.id], expired };

  const preferred = new Set(config.preferredBatchSizes);
  const capItems = preferred.size ? Math.min(Math.max(...preferred), config.maxBatchSize) : config.maxBatchSize;
  const batch: QueuedRequest[] = [];
  let items = 0;
  let preferredPrefix = 0;
  let sendNow = false;
  for (const r of live) {
    if (items >= capItems) break;
    if (r.batchKey !== head.batchKey || items + r.items > config.maxBatchSize) {
      sendNow = true;
      break;
    }
    batch.push(r);
    items += r.items;
    if (preferred.has(items)) preferredPrefix = batch.length;
  }
  const dispatch = (members: QueuedRequest[]): BatchDecision => ({ kind: 'dispatch', ids: members.map((r) => r.id), expired });

  if (sendNow || items >= capItems || config.maxQueueDelayMs <= 0) return dispatch(batch);
  const oldestMs = Math.min(...batch.map((r) => r.enqueuedAtMs));
  const delayExceeded = nowMs - oldestMs >= config.maxQueueDelayMs;
  if (preferredPrefix > 0 && !delayExceeded) return dispatch(batch.slice(0, preferredPrefix));
  if (delayExceeded) return dispatch(batch);
  return wait(Math.min(oldestMs + config.maxQueueDelayMs, nextDeadlineMs));
}
