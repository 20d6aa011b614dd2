/** Browser sessions: login with a token secret, logout, and who am I. */
import { LoginInput, Me } from '../../auth/schemas';
import { defineRoute } from '../contract';

export const login = defineRoute({
  operationId: 'login',
  method: 'POST',
  path: '/auth/login',
  access: 'public',
  summary: 'Exchange an API token secret for a session cookie (slipway_session)',
  tags: ['auth'],
  body: { kind: 'json', schema: LoginInput },
  response: { status: 200, description: 'Logged in; the session cookie is set', schema: Me },
  errors: [401, 403, 429],
});

export const logout = defineRoute({
  operationId: 'logout',
  method: 'POST',
  path: '/auth/logout',
  access: 'viewer',
  summary: 'End the session and clear its cookie',
  tags: ['auth'],
  response: { status: 204, description: 'Logged out' },
});

export const me = defineRoute({
  operationId: 'getMe',
  method: 'GET',
  path: '/auth/me',
  access: 'viewer',
  summary: 'The caller’s name and role',
  tags: ['auth'],
  response: { status: 200, description: 'The authenticated principal', schema: Me },
});
