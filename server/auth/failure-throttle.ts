/**
 * A per-client limit on failed attempts (sign-in): at most `maxFailures` in any sliding window of
 * `windowMs`; past that the client waits until its oldest failure leaves the window. Pure apart
 * from its own Map: every call takes `nowMs`, so tests drive it with a fake clock.
 *
 * The Map holds at most `maxKeys` clients; a new one evicts the least recently failed, so a
 * flood of addresses costs bounded memory (at the price of forgetting the quietest clients).
 */
export interface ThrottleLimits {
  maxFailures: number;
  windowMs: number;
  maxKeys: number;
}

/** 5 failures a minute per client; 10 000 clients of at most 5 timestamps each is well under 1 MB. */
export const SIGN_IN_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 60_000, maxKeys: 10_000 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export class FailureThrottle {
  /** Failure times per key, oldest first, never more than `maxFailures` of them. */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits = SIGN_IN_LIMITS) {}

  /** May this client try now? Reads only; a refused attempt is not a new failure. */
  check(key: string, nowMs: number): ThrottleVerdict {
    const recent = this.recent(key, nowMs);
    if (recent.length < this.limits.maxFailures) return { allowed: true };
    return { allowed: false, retryAfterMs: recent[0]! + this.limits.windowMs - nowMs };
  }

  recordFailure(key: string, nowMs: number): void {
    const recent = this.recent(key, nowMs);
    recent.push(nowMs);
    if (recent.length > this.limits.maxFailures) recent.shift();
    // Re-inserting moves the key to the end: Map order is then least recently failed first.
    this.failures.delete(key);
    this.failures.set(key, recent);
    while (this.failures.size > this.limits.maxKeys) {
      const oldest = this.failures.keys().next().value as string;
      this.failures.delete(oldest);
    }
  }

  /** A success forgets the client's failures (a user who mistyped twice starts afresh). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  /** How many clients are tracked; for tests of the bound. */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, nowMs: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const fresh = times.filter((t) => nowMs - t < this.limits.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    return fresh;
  }
}

/**
 * The throttle key of a socket address: IPv4-mapped IPv6 as plain IPv4, and other IPv6 addresses
 * by their /64, since one host usually owns a whole /64 and could otherwise rotate through it.
 */
export function clientKey(address: string | null | undefined): string {
  const a = (address ?? '').trim().toLowerCase();
  if (!a) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!a.includes(':')) return a;
  return `${expandIpv6(a).slice(0, 4).join(':')}::/64`;
}

/** Eight hex groups of an IPv6 address (zone dropped, `::` expanded); garbage yields its own key. */
function expandIpv6(address: string): string[] {
  const bare = address.split('%')[0]!;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
