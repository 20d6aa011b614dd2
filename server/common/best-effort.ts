/**
 * Bookkeeping writes (a token's `lastUsedAt`) record that something happened; the request they
 * ride on must not fail with them, or a full disk turns every authenticated read into a 500. A
 * failure is logged, at most once a minute per kind, and the caller goes on.
 */
export const BEST_EFFORT_LOG_INTERVAL_MS = 60_000;

export type Warn = (message: string) => void;

export interface BestEffort {
  (what: string, write: () => void): void;
}

export function bestEffortWriter(nowMs: () => number = Date.now, warn: Warn = (m) => console.warn(m)): BestEffort {
  const lastLoggedMs = new Map<string, number>();
  return (what, write) => {
    try {
      write();
    } catch (err) {
      const now = nowMs();
      const last = lastLoggedMs.get(what);
      if (last !== undefined && now - last < BEST_EFFORT_LOG_INTERVAL_MS) return;
      lastLoggedMs.set(what, now);
      warn(`slipway: could not record ${what} (the request goes on): ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** The process's one writer, shared by the services. */
export const bestEffort: BestEffort = bestEffortWriter();
