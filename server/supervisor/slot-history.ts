/**
 * What the supervisor remembers about one replica slot across its processes: restarts, when the
 * next start may happen (backoff), and the last error for the replicas table and the rollout
 * controller. Pure transitions; the supervisor keeps one per slot in a Map and calls these.
 */
import { restartDelayMs, restartsAfterCrash } from './backoff';

export interface SlotHistory {
  restarts: number;
  /** No start before this time. */
  notBeforeMs: number;
  lastError: string | null;
}

export const FRESH_SLOT: SlotHistory = { restarts: 0, notBeforeMs: 0, lastError: null };

/**
 * A process exited that nobody asked to stop. The restart count grows (or starts over after a
 * long run), the next start waits for its backoff, and the reason recorded is the exit's, unless
 * the process never became ready and an earlier, more telling reason (a start timeout, failed
 * probes) was already noted.
 */
export function afterCrash(h: SlotHistory, exitReason: string, o: { wasReady: boolean; upForMs: number; nowMs: number }): SlotHistory {
  const restarts = restartsAfterCrash(h.restarts, o.upForMs);
  return { restarts, notBeforeMs: o.nowMs + restartDelayMs(restarts), lastError: h.lastError && !o.wasReady ? h.lastError : exitReason };
}

/** A reason noted before the process is killed (start timeout, failed probes): it explains the exit that follows. */
export function withReason(h: SlotHistory, message: string): SlotHistory {
  return { ...h, lastError: message };
}

/** Ready again: the error no longer describes the slot (restarts are kept for the table). */
export function afterReady(h: SlotHistory): SlotHistory {
  return { ...h, lastError: null };
}

/**
 * A version's start failures for the rollout controller: the most restarts of any of its slots
 * and the first error found, and none once a replica is ready (a candidate that serves is not failing).
 */
export function startFailures(histories: Iterable<SlotHistory>, readyReplicas: number): { failedStarts: number; lastError?: string } {
  let failedStarts = 0;
  let lastError: string | undefined;
  for (const h of histories) {
    failedStarts = Math.max(failedStarts, h.restarts);
    lastError ??= h.lastError ?? undefined;
  }
  return { failedStarts: readyReplicas > 0 ? 0 : failedStarts, lastError };
}
