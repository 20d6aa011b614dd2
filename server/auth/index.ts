/** Authentication (API tokens, browser sessions) and the role order. */
import { bindTo } from '../common/bind';
import type { ServiceDeps } from '../deps';
import { FailureThrottle } from './failure-throttle';
import { signIn } from './sign-in';
import { authenticateBearer, authenticateSession, login, logout } from './sessions';
import { createToken, listTokens, revokeToken } from './tokens';

export { ADMIN_TOKEN_NAME, bootstrapAdmin, planAdminBootstrap, SYSTEM_ACTOR, type AdminBootstrapResult } from './bootstrap-admin';
export { hasRole } from './roles';
export { SESSION_MAX_AGE_SECONDS } from './internal';
export { clientKey, FailureThrottle, SIGN_IN_LIMITS } from './failure-throttle';
export { ANONYMOUS_ACTOR, signIn } from './sign-in';
export { authenticateBearer, authenticateSession, createToken, listTokens, login, logout, revokeToken };

/** Who is calling: bearer tokens and browser sessions. */
export function createAuth(deps: ServiceDeps) {
  // In memory and per process: a restart forgets recent failures (the audit log keeps them).
  const signInThrottle = new FailureThrottle();
  const bind = bindTo(deps);
  return {
    authenticateBearer: bind(authenticateBearer),
    authenticateSession: bind(authenticateSession),
    login: bind(login),
    signIn: (tokenSecret: string, clientAddress: string | null) => signIn(deps, signInThrottle, tokenSecret, clientAddress),
    logout: bind(logout),
  };
}

/** API tokens: `tokens.list | create | revoke` (the secret is returned once, at creation). */
export function createTokens(deps: ServiceDeps) {
  const bind = bindTo(deps);
  return { list: bind(listTokens), create: bind(createToken), revoke: bind(revokeToken) };
}
