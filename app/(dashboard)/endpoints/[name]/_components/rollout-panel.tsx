'use client';
/**
 * The endpoint page's rollout area: the active (or most recent) rollout with its controls, the
 * start form when nothing is active, the replicas and the history. Renders nothing until the
 * endpoint loads: the endpoint view above owns loading and not-found.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorAlert } from '../../../../_components/feedback';
import { useCanMutate } from '../../../../_components/use-can-mutate';
import { endpointKeys, endpointQuery } from '../../../../_lib/queries/endpoints';
import { rolloutListQuery } from '../../../../_lib/queries/rollouts';
import { ReplicasTable } from './replicas-table';
import { RolloutHistory } from './rollout-history';
import { activeRolloutOf } from './rollout-model';
import { RolloutStatus } from './rollout-status';
import { StartRolloutForm } from './start-rollout-form';

export function RolloutPanel({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const endpoint = useQuery(endpointQuery(name));
  const rollouts = useQuery({ ...rolloutListQuery(name), enabled: endpoint.isSuccess });
  const canMutate = useCanMutate();
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
    <>
      <section className="card" aria-labelledby="rollout-heading">
        <h2 id="rollout-heading">Rollout</h2>
        {rollouts.isError && <ErrorAlert error={rollouts.error} />}
        {rollouts.isPending && <p className="muted">Loading rollouts…</p>}
        {shown && (
          <RolloutStatus rollout={shown} stableVersion={endpoint.data.version} isLatest={shown === latest} canMutate={canMutate} nowMs={rollouts.dataUpdatedAt} />
        )}
        {rollouts.isSuccess && !active && (
          <>
            <h3>Start a rollout</h3>
            {canMutate ? <StartRolloutForm endpoint={endpoint.data} /> : <p className="muted">No rollout is active. Deployers can start one here.</p>}
          </>
        )}
      </section>
      <ReplicasTable name={name} />
      <RolloutHistory items={items} />
    </>
  );
}
