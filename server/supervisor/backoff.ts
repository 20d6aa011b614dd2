/** Restart backoff for crashed runtimes: exponential from `baseMs`, capped, with jitter-free steps so tests are exact. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** A replica that stayed up this long before crashing starts the count over. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Delay before restart number `restarts` (1 = first restart). */
export function restartDelayMs(restarts: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (restarts <= 0) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (restarts - 1));
}

/** The restart count after a crash, given how long the replica had run. */
export function restartsAfterCrash(previousRestarts: number, upForMs: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return upForMs >= policy.resetAfterMs ? 1 : previousRestarts + 1;
}
