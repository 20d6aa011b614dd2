import { describe, expect, it } from 'vitest';
import { clientKey, FailureThrottle, type ThrottleVerdict } from './failure-throttle';

const LIMITS = { maxFailures: 3, windowMs: 60_000, maxKeys: 4 };

type Step = ['fail', string, number] | ['check', string, number, ThrottleVerdict] | ['reset', string];

describe('FailureThrottle', () => {
  it.each<[string, Step[]]>([
    [
      'allows up to the limit, then refuses until the oldest failure leaves the window',
      [
        ['fail', 'a', 0],
        ['fail', 'a', 10_000],
        ['check', 'a', 10_000, { allowed: true }],
        ['fail', 'a', 20_000],
        ['check', 'a', 20_000, { allowed: false, retryAfterMs: 40_000 }],
        ['check', 'a', 59_999, { allowed: false, retryAfterMs: 1 }],
        ['check', 'a', 60_000, { allowed: true }],
      ],
    ],
    [
      'one client over the limit does not block another',
      [
        ['fail', 'a', 0],
        ['fail', 'a', 0],
        ['fail', 'a', 0],
        ['check', 'a', 1, { allowed: false, retryAfterMs: 59_999 }],
        ['check', 'b', 1, { allowed: true }],
      ],
    ],
    [
      'the window slides: the wait is counted from the oldest of the last failures',
      [
        ['fail', 'a', 0],
        ['fail', 'a', 30_000],
        ['fail', 'a', 50_000],
        ['check', 'a', 60_000, { allowed: true }],
        ['fail', 'a', 61_000],
        ['check', 'a', 61_000, { allowed: false, retryAfterMs: 29_000 }],
      ],
    ],
    [
      'a success (reset) forgets the failures',
      [
        ['fail', 'a', 0],
        ['fail', 'a', 0],
        ['reset', 'a'],
        ['fail', 'a', 1],
        ['check', 'a', 1, { allowed: true }],
      ],
    ],
  ])('%s', (_name, steps) => {
    const throttle = new FailureThrottle(LIMITS);
    for (const step of steps) {
      if (step[0] === 'fail') throttle.recordFailure(step[1], step[2]);
      else if (step[0] === 'reset') throttle.reset(step[1]);
      else expect(throttle.check(step[1], step[2]), `check ${step[1]} at ${step[2]}`).toEqual(step[3]);
    }
  });

  it('tracks at most maxKeys clients, evicting the least recently failed', () => {
    const throttle = new FailureThrottle(LIMITS);
    for (let i = 0; i < 1000; i += 1) throttle.recordFailure(`10.0.${i >> 8}.${i & 255}`, i);
    expect(throttle.size).toBe(LIMITS.maxKeys);
    for (let n = 0; n < 3; n += 1) throttle.recordFailure('hot', 2000);
    throttle.recordFailure('x1', 2001);
    throttle.recordFailure('x2', 2002);
    throttle.recordFailure('x3', 2003);
    // "hot" is still among the newest four, so it stays refused.
    expect(throttle.check('hot', 2004).allowed).toBe(false);
    throttle.recordFailure('x4', 2004);
    expect(throttle.check('hot', 2005)).toEqual({ allowed: true });
  });

  it('forgets a client once its failures are all older than the window', () => {
    const throttle = new FailureThrottle(LIMITS);
    throttle.recordFailure('a', 0);
    expect(throttle.size).toBe(1);
    throttle.check('a', 60_000);
    expect(throttle.size).toBe(0);
  });
});

describe('clientKey', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::ffff', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%j → %j', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
