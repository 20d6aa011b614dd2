import { queryOptions } from '@tanstack/react-query';
import { api } from '../api';
import type { Me } from '../types';

export const authKeys = {
  me: ['auth', 'me'] as const,
};

export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: () => api<Me>('/auth/me'),
    staleTime: 60_000,
  });

export const login = (token: string) => api<Me>('/auth/login', { method: 'POST', body: { token } });

export const logout = () => api<null>('/auth/logout', { method: 'POST' });

export const canMutate = (me: Me | undefined) => me !== undefined && me.role !== 'viewer';
