import { queryOptions } from '@tanstack/react-query';
import { api } from '../api';
import type { ConfigPatch } from '../runtime-config';
import type { Endpoint, List } from '../types';

export const endpointKeys = {
  all: ['endpoints'] as const,
  list: () => [...endpointKeys.all, 'list'] as const,
  detail: (name: string) => [...endpointKeys.all, 'detail', name] as const,
};

export const endpointListQuery = () =>
  queryOptions({
    queryKey: endpointKeys.list(),
    queryFn: () => api<List<Endpoint>>('/endpoints'),
  });

export const endpointQuery = (name: string) =>
  queryOptions({
    queryKey: endpointKeys.detail(name),
    queryFn: () => api<Endpoint>(`/endpoints/${encodeURIComponent(name)}`),
  });

export interface NewEndpoint {
  name: string;
  model: string;
  version: number;
  config: ConfigPatch;
}

export const createEndpoint = (input: NewEndpoint) => api<Endpoint>('/endpoints', { method: 'POST', body: input });

export const updateEndpoint = (name: string, patch: { version?: number; config?: ConfigPatch }) =>
  api<Endpoint>(`/endpoints/${encodeURIComponent(name)}`, { method: 'PATCH', body: patch });

export const deleteEndpoint = (name: string) =>
  api<null>(`/endpoints/${encodeURIComponent(name)}`, { method: 'DELETE' });
