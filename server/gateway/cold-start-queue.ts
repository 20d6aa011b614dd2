/**
 * Requests held at the gateway while an endpoint scaled to zero starts a replica. The routing
 * table marks such endpoints (`coldStart`); a request that finds no ready replica waits here,
 * bounded in count and time, and goes on as soon as a table with a ready replica arrives. The
 * control plane learns of the demand through `onHeld` (the gateway sends it at once, not with
 * the next per-second figures), so the wait is one replica start, not a tick more.
 */
import type { ColdStartWire } from '../../protocol/dataplane';
import type { RoutingTable } from './routing-table';

/** Why a held request was let go without a replica: the client should retry after a while. */
export class ColdStartRefused extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

interface Waiter {
  resolve: () => void;
  reject: (err: ColdStartRefused) => void;
  timer: NodeJS.Timeout;
}

export class ColdStartQueue {
  /** Keyed by endpoint name, a client's choice: a Map, never a plain object. */
  private readonly waiting = new Map<string, Set<Waiter>>();

  constructor(private readonly onHeld: (endpoint: string, held: number) => void) {}

  held(endpoint: string): number {
    return this.waiting.get(endpoint)?.size ?? 0;
  }

  /** Resolves once the endpoint has a ready replica; rejects when the queue is full or the wait times out. */
  hold(endpoint: string, limits: ColdStartWire): Promise<void> {
    const set = this.waiting.get(endpoint) ?? new Set<Waiter>();
    if (set.size >= limits.maxQueued) {
      return Promise.reject(new ColdStartRefused(`endpoint '${endpoint}' is starting a replica and already holds ${limits.maxQueued} requests`, limits.retryAfterSeconds));
    }
    this.waiting.set(endpoint, set);
    const held = new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(endpoint, waiter);
          reject(new ColdStartRefused(`endpoint '${endpoint}' had no ready replica within ${limits.timeoutMs} ms`, limits.retryAfterSeconds));
        }, limits.timeoutMs),
      };
      set.add(waiter);
    });
    this.onHeld(endpoint, set.size);
    return held;
  }

  /** A new table: endpoints with a ready replica of their serving version let their requests go. */
  release(table: RoutingTable): void {
    for (const [endpoint, set] of this.waiting) {
      const routes = table.get(endpoint);
      if (!routes) {
        for (const w of set) w.reject(new ColdStartRefused(`endpoint '${endpoint}' was removed`, 0));
      } else if ((routes.replicas.get(routes.stableVersion)?.length ?? 0) === 0) continue;
      else for (const w of set) w.resolve();
      for (const w of set) clearTimeout(w.timer);
      this.waiting.delete(endpoint);
      this.onHeld(endpoint, 0);
    }
  }

  /** The gateway stops: nothing will start for them any more. */
  close(): void {
    for (const set of this.waiting.values()) {
      for (const w of set) {
        clearTimeout(w.timer);
        w.reject(new ColdStartRefused('the gateway is stopping', 1));
      }
    }
    this.waiting.clear();
  }

  private remove(endpoint: string, waiter: Waiter): void {
    const set = this.waiting.get(endpoint);
    if (!set?.delete(waiter)) return;
    if (set.size === 0) this.waiting.delete(endpoint);
    this.onHeld(endpoint, set.size);
  }
}

/** `Retry-After` for an error that says when to come back (a refused cold start), else nothing. */
export function retryHeaders(err: unknown): Record<string, string> {
  const seconds = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' ? { 'retry-after': String(seconds) } : {};
}
