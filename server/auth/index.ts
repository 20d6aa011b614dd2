/** Authentication (API tokens, browser sessions) and the role order. */
import type { Services } from '../context';
import type { ServiceDeps } from '../deps';
import { authenticateBearer, authenticateSession, login, logout } from './sessions';
import { createToken, listTokens, revokeToken } from './tokens';

export { ADMIN_TOKEN_NAME, bootstrapAdmin, planAdminBootstrap, SYSTEM_ACTOR, type AdminBootstrapResult } from './bootstrap-admin';
export { hasRole } from './roles';
export { SESSION_MAX_AGE_SECONDS } from './internal';
export { authenticateBearer, authenticateSession, createToken, listTokens, login, logout, revokeToken };

export function createAuth(deps: ServiceDeps): Services['auth'] {
  return {
    authenticateBearer: (secret) => authenticateBearer(deps, secret),
    login: (tokenSecret) => login(deps, tokenSecret),
    authenticateSession: (sessionSecret) => authenticateSession(deps, sessionSecret),
    logout: (sessionSecret) => logout(deps, sessionSecret),
    listTokens: () => listTokens(deps),
    createToken: (input, actor) => createToken(deps, input, actor),
    revokeToken: (id, actor) => revokeToken(deps, id, actor),
  };
}
