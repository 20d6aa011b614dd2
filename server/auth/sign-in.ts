/**
 * Browser sign-in from one client address: `login` behind a per-client failure throttle, with
 * every failure in the audit log. A throttled client is refused before its token is looked at, so
 * it learns nothing about it; other clients sign in as usual.
 */
import { auditTarget, recordAudit } from '../audit';
import type { LoginResult } from '../context';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { clientKey, type FailureThrottle } from './failure-throttle';
import { login } from './sessions';

export const ANONYMOUS_ACTOR = 'anonymous';

export function signIn(deps: ServiceDeps, throttle: FailureThrottle, tokenSecret: string, clientAddress: string | null): LoginResult {
  const client = clientKey(clientAddress);
  const nowMs = deps.now().getTime();
  const verdict = throttle.check(client, nowMs);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-ins from this address; try again in ${retryAfterSeconds} s`, undefined, retryAfterSeconds);
  }
  try {
    const result = login(deps, tokenSecret);
    throttle.reset(client);
    return result;
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNAUTHORIZED') {
      throttle.recordFailure(client, nowMs);
      // Never the token, nor a prefix of it: a mistyped secret is mostly the real one.
      recordAudit(deps.db, { actor: ANONYMOUS_ACTOR, action: 'auth.sign-in-failed', target: auditTarget.client(client), at: deps.now() });
    }
    throw err;
  }
}
