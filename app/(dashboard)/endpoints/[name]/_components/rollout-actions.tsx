'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../../_components/feedback';
import { endpointKeys } from '../../../../_lib/queries/endpoints';
import { replicaKeys } from '../../../../_lib/queries/replicas';
import { actOnRollout, rollbackEndpoint, rolloutKeys, type Rollout, type RolloutAction } from '../../../../_lib/queries/rollouts';
import styles from './rollout.module.css';
import { canAct } from './rollout-model';

type Action = RolloutAction | 'rollback';

const LABELS: Record<Action, string> = { pause: 'Pause', resume: 'Resume', promote: 'Promote', abort: 'Abort', rollback: 'Rollback' };

function consequence(action: Action, r: Rollout): string {
  switch (action) {
    case 'pause':
      return `Pause rollout ${r.id}? The candidate keeps ${r.weightPct}% of traffic and no step advances until it is resumed.`;
    case 'resume':
      return `Resume rollout ${r.id}? It moves on to its next step.`;
    case 'promote':
      return `Promote version ${r.candidateVersion} to stable now, skipping any remaining steps?`;
    case 'abort':
      return `Abort rollout ${r.id}? All traffic returns to version ${r.stableVersion} at once.`;
    case 'rollback':
      return `Roll back to version ${r.stableVersion}? Version ${r.candidateVersion} stops serving.`;
  }
}

/**
 * Pause / Resume / Promote / Abort on an active rollout, or Rollback after a promotion. Every
 * action changes live traffic, so each takes a second, explicit "Confirm" click.
 */
export function RolloutActions({ rollout, rollbackOnly }: { rollout: Rollout; rollbackOnly: boolean }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const act = useMutation({
    mutationFn: (action: Action) => (action === 'rollback' ? rollbackEndpoint(rollout.endpoint) : actOnRollout(rollout.id, action)),
    onSuccess: async () => {
      setConfirming(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rolloutKeys.list(rollout.endpoint) }),
        queryClient.invalidateQueries({ queryKey: endpointKeys.detail(rollout.endpoint) }),
        queryClient.invalidateQueries({ queryKey: replicaKeys.list(rollout.endpoint) }),
      ]);
    },
  });
  const actions: Action[] = rollbackOnly ? ['rollback'] : ['pause', 'resume', 'promote', 'abort'];

  return (
    <div className={styles.block}>
      <div className="actions" role="group" aria-label="Rollout actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'abort' || action === 'rollback' ? 'danger' : action === 'promote' ? undefined : 'secondary'}
            disabled={act.isPending || confirming !== null || (action !== 'rollback' && !canAct(rollout, action))}
            onClick={() => {
              act.reset();
              setConfirming(action);
            }}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
      {confirming && (
        <div className="confirm stack" role="group" aria-label={`Confirm ${LABELS[confirming].toLowerCase()}`}>
          <p className="flush">{consequence(confirming, rollout)}</p>
          <div className="actions">
            <button type="button" className={confirming === 'abort' || confirming === 'rollback' ? 'danger' : undefined} disabled={act.isPending} onClick={() => act.mutate(confirming)}>
              Confirm {LABELS[confirming].toLowerCase()}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={act.error} />
    </div>
  );
}
