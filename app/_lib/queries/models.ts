import { queryOptions } from '@tanstack/react-query';
import { api, queryString } from '../api';
import type { List, Model, ModelVersion, Page } from '../types';

export const modelKeys = {
  all: ['models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (q: string) => [...modelKeys.lists(), { q }] as const,
  detail: (name: string) => [...modelKeys.all, 'detail', name] as const,
  versions: (name: string) => [...modelKeys.detail(name), 'versions'] as const,
};

export const modelListQuery = (q = '') =>
  queryOptions({
    queryKey: modelKeys.list(q),
    queryFn: () => api<Page<Model>>(`/models${queryString({ q })}`),
  });

export const modelQuery = (name: string) =>
  queryOptions({
    queryKey: modelKeys.detail(name),
    queryFn: () => api<Model>(`/models/${encodeURIComponent(name)}`),
  });

export const versionsQuery = (name: string) =>
  queryOptions({
    queryKey: modelKeys.versions(name),
    queryFn: () => api<List<ModelVersion>>(`/models/${encodeURIComponent(name)}/versions`),
    enabled: name !== '',
  });

export interface NewModel {
  name: string;
  description?: string;
  tags?: string[];
}

export const createModel = (input: NewModel) => api<Model>('/models', { method: 'POST', body: input });

export const artifactUrl = (name: string, version: number) =>
  `/api/v1/models/${encodeURIComponent(name)}/versions/${version}/artifact`;
