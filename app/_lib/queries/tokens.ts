/** API tokens (admins only): the list, creation (the secret comes back once) and revocation. */
import { queryOptions } from '@tanstack/react-query';
import type { ApiToken, CreatedToken, CreateTokenInput } from '../../../server/auth/schemas';
import { api } from '../api';
import type { List } from '../types';

export type { ApiToken, CreatedToken };

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

export const tokenListQuery = () =>
  queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: () => api<List<ApiToken>>('/tokens'),
  });

export const createToken = (input: CreateTokenInput) => api<CreatedToken>('/tokens', { method: 'POST', body: input });

export const revokeToken = (id: string) => api<null>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
