'use client';
/**
 * The endpoint page's rollout area: the active (or most recent) rollout with its controls, and a
 * "New rollout" button that opens the start form when nothing is active. Renders nothing until
 * the endpoint loads.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../../_components/feedback';
import { useCanMutate } from '../../../../_components/use-can-mutate';
import { endpointKeys, endpointQuery } from '../../../../_lib/queries/endpoints';
import { rolloutListQuery } from '../../../../_lib/queries/rollouts';
import { activeRolloutOf } from './rollout-model';
import { RolloutStatus } from './rollout-status';
import { StartRolloutForm } from './start-rollout-form';

export function RolloutPanel({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const endpoint = useQuery(endpointQuery(name));
  const rollouts = useQuery({ ...rolloutListQuery(name), enabled: endpoint.isSuccess });
  const canMutate = useCanMutate();
  const [starting, setStarting] = useState(false);
  const items = rollouts.data?.items ?? [];
  const latest = items[0];

  // A phase change may have moved the stable version (promotion, rollback): reread the endpoint.
  const phaseKey = latest ? `${latest.id}:${latest.phase}` : '';
  useEffect(() => {
    if (phaseKey) void queryClient.invalidateQueries({ queryKey: endpointKeys.detail(name) });
  }, [phaseKey, name, queryClient]);

  if (!endpoint.isSuccess) return null;
  const active = activeRolloutOf(items);
  const shown = active ?? latest;

  return (
    <section className="card" aria-labelledby="rollout-heading">
      <div className="page-header flush">
        <h2 id="rollout-heading">Rollout</h2>
        {rollouts.isSuccess && !active && canMutate && !starting && (
          <button type="button" onClick={() => setStarting(true)}>
            New rollout
          </button>
        )}
      </div>
      {rollouts.isError && <ErrorAlert error={rollouts.error} />}
      {rollouts.isPending && <p className="muted">Loading rollouts…</p>}
      {rollouts.isSuccess && !active && starting && (
        <>
          <h3>Start a rollout</h3>
          <StartRolloutForm endpoint={endpoint.data} onCancel={() => setStarting(false)} onStarted={() => setStarting(false)} />
        </>
      )}
      {shown && (
        <RolloutStatus rollout={shown} stableVersion={endpoint.data.version} isLatest={shown === latest} canMutate={canMutate} nowMs={rollouts.dataUpdatedAt} />
      )}
      {rollouts.isSuccess && !shown && !starting && (
        <p className="muted flush">{canMutate ? 'No rollout yet. New rollout starts one.' : 'No rollout is active. Deployers can start one here.'}</p>
      )}
    </section>
  );
}
