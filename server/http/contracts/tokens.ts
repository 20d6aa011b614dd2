/** API tokens (admin only): the secret is shown once, at creation. */
import { CreatedToken, CreateTokenInput, TokenList } from '../../auth/schemas';
import { defineRoute } from '../contract';
import { TokenParams } from './params';

export const listTokens = defineRoute({
  operationId: 'listTokens',
  method: 'GET',
  path: '/tokens',
  access: 'admin',
  summary: 'List API tokens (never their secrets)',
  tags: ['tokens'],
  response: { status: 200, description: 'All tokens', schema: TokenList },
});

export const createToken = defineRoute({
  operationId: 'createToken',
  method: 'POST',
  path: '/tokens',
  access: 'admin',
  summary: 'Create an API token; the response carries its secret, shown this once',
  tags: ['tokens'],
  body: { kind: 'json', schema: CreateTokenInput },
  response: { status: 201, description: 'The token and its secret', schema: CreatedToken },
  errors: [409],
});

export const revokeToken = defineRoute({
  operationId: 'revokeToken',
  method: 'DELETE',
  path: '/tokens/{id}',
  access: 'admin',
  summary: 'Revoke an API token and end its sessions',
  tags: ['tokens'],
  params: TokenParams,
  response: { status: 204, description: 'Revoked' },
});
