/**
 * How long the calling thread waited for a CPU (ns so far), from Linux's
 * `/proc/thread-self/schedstat` (on-CPU time, run-queue wait, timeslices). A batch's wall time
 * minus this wait is the time it really computed: on a busy host a batch preempted for the gateway
 * is not a slower batch size. Undefined where the kernel does not expose it (then wall time is all
 * there is).
 */
import { readFileSync } from 'node:fs';

let available = true;

export function runQueueWaitNs(): number | undefined {
  if (!available) return undefined;
  try {
    const waitNs = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
    if (Number.isFinite(waitNs)) return waitNs;
  } catch {
    // Not Linux, or no schedstat: fall through.
  }
  available = false;
  return undefined;
}

/** Wall time less the run-queue wait between two readings (wall alone without readings). */
export function computeNs(wallNs: number, waitBeforeNs: number | undefined, waitAfterNs: number | undefined): number {
  if (waitBeforeNs === undefined || waitAfterNs === undefined) return wallNs;
  return Math.max(0, wallNs - Math.max(0, waitAfterNs - waitBeforeNs));
}
