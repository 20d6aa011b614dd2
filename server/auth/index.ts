/** Authentication (API tokens, browser sessions) and the role order. */
import type { Services } from '../context';
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

export function createAuth(deps: ServiceDeps): Services['auth'] {
  // In memory and per process: a restart forgets recent failures (the audit log keeps them).
  const signInThrottle = new FailureThrottle();
  return {
    authenticateBearer: (secret) => authenticateBearer(deps, secret),
    login: (tokenSecret) => login(deps, tokenSecret),
    signIn: (tokenSecret, clientAddress) => signIn(deps, signInThrottle, tokenSecret, clientAddress),
    authenticateSession: (sessionSecret) => authenticateSession(deps, sessionSecret),
    logout: (sessionSecret) => logout(deps, sessionSecret),
    listTokens: () => listTokens(deps),
    createToken: (input, actor) => createToken(deps, input, actor),
    revokeToken: (id, actor) => revokeToken(deps, id, actor),
  };
}
