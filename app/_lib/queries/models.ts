import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, queryString } from '../api';
import type { List, Model, ModelVersion, Page } from '../types';

export const modelKeys = {
  all: ['models'] as const,
  lists: () => [...modelKeys.all, 'list'] as const,
  list: (q: string) => [...modelKeys.lists(), { q }] as const,
  everything: () => [...modelKeys.lists(), 'all'] as const,
  detail: (name: string) => [...modelKeys.all, 'detail', name] as const,
  versions: (name: string) => [...modelKeys.detail(name), 'versions'] as const,
};

/** The table's pages, newest cursor last; "Load more" fetches the next one. */
export const modelPagesQuery = (q = '') =>
  infiniteQueryOptions({
    queryKey: modelKeys.list(q),
    queryFn: ({ pageParam }) => api<Page<Model>>(`/models${queryString({ q, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

const MAX_PAGES_FOR_PICKERS = 25;

/** Every model (for pickers and counts), following cursors; bounded so a runaway cursor cannot loop. */
export const allModelsQuery = () =>
  queryOptions({
    queryKey: modelKeys.everything(),
    queryFn: async () => {
      const items: Model[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES_FOR_PICKERS; page += 1) {
        const result: Page<Model> = await api<Page<Model>>(`/models${queryString({ limit: 200, cursor })}`);
        items.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return { items, complete: cursor === null };
    },
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
