/**
 * The runtime's test seam: one object, built only when `SLIPWAY_TEST_HOOKS=1`, that the batcher
 * and the instance pool consult through small interfaces, and the `/v2/slipway/test/*` routes
 * drive. Production builds neither it nor any test state in the scheduler or the pool.
 */
import type { DispatchGate } from './batching/scheduler';
import type { PoolSeam } from './execution/instance-pool';

export class TestHooks implements DispatchGate, PoolSeam {
  /** Request ids in dispatch order. */
  readonly dispatchLog: string[] = [];
  private crashNext = false;

  /** `holdUntilQueued` > 0: dispatch nothing until that many requests are queued (then never hold again). */
  constructor(private holdUntilQueued: number) {}

  holds(queued: number): boolean {
    if (this.holdUntilQueued > 0 && queued >= this.holdUntilQueued) this.holdUntilQueued = 0;
    return this.holdUntilQueued > 0;
  }

  dispatched(ids: readonly string[]): void {
    this.dispatchLog.push(...ids);
  }

  /** Ends a hold at once (a drain must not wait on it). */
  release(): void {
    this.holdUntilQueued = 0;
  }

  /** The next batch's instance dies while holding it, as a crash would. */
  crashNextBatch(): void {
    this.crashNext = true;
  }

  takeCrash(): boolean {
    const crash = this.crashNext;
    this.crashNext = false;
    return crash;
  }
}
