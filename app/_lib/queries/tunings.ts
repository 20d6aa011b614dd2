/**
 * Tuning runs of one endpoint (newest first), starting one and acting on one. Polls every second
 * while a run is measuring, so its progress and chart move as points arrive.
 */
import { queryOptions } from '@tanstack/react-query';
import type { StartTuningInput, Tuning, TuningAction } from '../../../server/tuning/schemas';
import { api } from '../api';
import type { List } from '../types';

export type { Tuning, TuningAction };

const RUNNING_POLL_MS = 1_000;
const IDLE_POLL_MS = 15_000;

export const tuningKeys = {
  all: ['tunings'] as const,
  list: (endpoint: string) => [...tuningKeys.all, 'endpoint', endpoint] as const,
};

export const tuningListQuery = (endpoint: string) =>
  queryOptions({
    queryKey: tuningKeys.list(endpoint),
    queryFn: () => api<List<Tuning>>(`/endpoints/${encodeURIComponent(endpoint)}/tunings`),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.items.some((t) => t.status === 'running') ? RUNNING_POLL_MS : IDLE_POLL_MS),
  });

export const startTuning = (endpoint: string, input: StartTuningInput) =>
  api<Tuning>(`/endpoints/${encodeURIComponent(endpoint)}/tunings`, { method: 'POST', body: input });

export const actOnTuning = (endpoint: string, id: number, action: TuningAction) =>
  api<Tuning>(`/endpoints/${encodeURIComponent(endpoint)}/tunings/${id}/${action}`, { method: 'POST' });
