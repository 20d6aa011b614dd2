/**
 * Rollouts of one endpoint: the list (newest first, the active one among them), actions on one
 * rollout and the rollback of a promotion. Polls every second while a rollout is active.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Rollout, StartRolloutInput } from '../../../server/rollout/schemas';
import { isActivePhase, type RolloutAction } from '../../../protocol/rollout-vocabulary';
import { api } from '../api';
import type { List } from '../types';

export type { Rollout };
/** The request as sent: fields with server defaults may be left out. */
export type StartRolloutBody = z.input<typeof StartRolloutInput>;
export { ACTIVE_PHASES, isActivePhase, type RolloutAction, type RolloutPhase } from '../../../protocol/rollout-vocabulary';

export const ACTIVE_POLL_MS = 1_000;
const IDLE_POLL_MS = 10_000;

export const rolloutKeys = {
  all: ['rollouts'] as const,
  list: (endpoint: string) => [...rolloutKeys.all, 'endpoint', endpoint] as const,
};

export const rolloutListQuery = (endpoint: string) =>
  queryOptions({
    queryKey: rolloutKeys.list(endpoint),
    queryFn: () => api<List<Rollout>>(`/endpoints/${encodeURIComponent(endpoint)}/rollouts`),
    staleTime: 0,
    // Fast while something moves; slow otherwise, so a rollout started elsewhere still shows up.
    refetchInterval: (query) => (query.state.data?.items.some((r) => isActivePhase(r.phase)) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });

export const startRollout = (endpoint: string, input: StartRolloutBody) =>
  api<Rollout>(`/endpoints/${encodeURIComponent(endpoint)}/rollouts`, { method: 'POST', body: input });

export const actOnRollout = (id: number, action: RolloutAction) => api<Rollout>(`/rollouts/${id}/${action}`, { method: 'POST' });

export const rollbackEndpoint = (endpoint: string) =>
  api<Rollout>(`/endpoints/${encodeURIComponent(endpoint)}/rollback`, { method: 'POST' });
