/** An endpoint's autoscaling status (policy, decision, replica samples, scaling events), polled every 2 s. */
import { queryOptions } from '@tanstack/react-query';
import type { AutoscalingPolicy, ScalingStatus } from '../../../server/autoscaling/schemas';
import { api } from '../api';

export type { AutoscalingPolicy, ScalingStatus };

export const SCALING_POLL_MS = 2_000;

export const scalingKeys = {
  all: ['scaling'] as const,
  detail: (endpoint: string) => [...scalingKeys.all, endpoint] as const,
};

export const scalingQuery = (endpoint: string) =>
  queryOptions({
    queryKey: scalingKeys.detail(endpoint),
    queryFn: () => api<ScalingStatus>(`/endpoints/${encodeURIComponent(endpoint)}/scaling`),
    staleTime: 0,
    refetchInterval: SCALING_POLL_MS,
  });

/** Sets the policy, or turns autoscaling off with null (back to the fixed `replicas`). */
export const setAutoscaling = (endpoint: string, autoscaling: AutoscalingPolicy | null) =>
  api<unknown>(`/endpoints/${encodeURIComponent(endpoint)}`, { method: 'PATCH', body: { config: { autoscaling } } });
