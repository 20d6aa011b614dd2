/** The runtime processes behind one endpoint (supervisor's view), polled every 2 s. */
import { queryOptions } from '@tanstack/react-query';
import type { Replica } from '../../../server/supervisor/schemas';
import { api } from '../api';
import type { List } from '../types';

export type { Replica };

export const REPLICAS_POLL_MS = 2_000;

export const replicaKeys = {
  all: ['replicas'] as const,
  list: (endpoint: string) => [...replicaKeys.all, endpoint] as const,
};

export const replicasQuery = (endpoint: string) =>
  queryOptions({
    queryKey: replicaKeys.list(endpoint),
    queryFn: () => api<List<Replica>>(`/endpoints/${encodeURIComponent(endpoint)}/replicas`),
    staleTime: 0,
    refetchInterval: REPLICAS_POLL_MS,
  });
