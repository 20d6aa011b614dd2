import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { AppError } from '../errors';
import { codeOf, makeTestDeps, type TestDeps } from '../../testing/services';
import { createToken, FailureThrottle, signIn } from '.';

let clockMs = Date.UTC(2026, 0, 1);
let deps: TestDeps;
let throttle: FailureThrottle;
let secret = '';
beforeEach(() => {
  clockMs = Date.UTC(2026, 0, 1);
  deps = makeTestDeps({}, () => new Date(clockMs));
  throttle = new FailureThrottle({ maxFailures: 5, windowMs: 60_000, maxKeys: 100 });
  secret = createToken(deps, { name: 'alice', role: 'admin' }, 'root').secret;
});
afterEach(() => deps.cleanup());

const attempt = (token: string, address: string | null) => signIn(deps, throttle, token, address);

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('signIn', () => {
  it('refuses a sixth failure within a minute with 429 and a Retry-After, even with the right token', () => {
    const wrong = `slw_${'x'.repeat(43)}`;
    for (let i = 0; i < 5; i += 1) {
      expect(codeOf(() => attempt(wrong, '10.0.0.1'))).toBe('UNAUTHORIZED');
      clockMs += 1000;
    }
    const limited = refusal(() => attempt(secret, '10.0.0.1'));
    expect({ code: limited.code, retryAfterSeconds: limited.retryAfterSeconds }).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 55 });
    // IPv4-mapped IPv6 is the same client.
    expect(codeOf(() => attempt(secret, '::ffff:10.0.0.1'))).toBe('TOO_MANY_REQUESTS');
    expect(attempt(secret, '10.0.0.2').principal.name).toBe('alice');
    clockMs += 55_000;
    expect(attempt(secret, '10.0.0.1').principal.name).toBe('alice');
  });

  it('audits each checked failure as anonymous from the client, never with the token', () => {
    const wrong = `slw_wrong_${'y'.repeat(30)}`;
    for (let i = 0; i < 7; i += 1) codeOf(() => attempt(wrong, '::ffff:192.0.2.7'));
    const failures = listAudit(deps.db, { action: 'auth.sign-in-failed', limit: 50 }).items;
    // The two throttled attempts never reached the token check, so they add no rows.
    expect(failures).toHaveLength(5);
    expect(failures[0]).toMatchObject({ actor: 'anonymous', action: 'auth.sign-in-failed', target: 'client/192.0.2.7', details: {} });
    expect(JSON.stringify(failures)).not.toContain(wrong.slice(0, 8));
  });

  it('a success forgets earlier failures of that client', () => {
    for (let i = 0; i < 4; i += 1) codeOf(() => attempt('slw_nope', '10.0.0.3'));
    attempt(secret, '10.0.0.3');
    for (let i = 0; i < 4; i += 1) expect(codeOf(() => attempt('slw_nope', '10.0.0.3'))).toBe('UNAUTHORIZED');
  });
});
