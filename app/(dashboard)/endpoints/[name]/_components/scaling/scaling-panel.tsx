'use client';
/**
 * The endpoint page's autoscaling band: the policy, desired and ready replicas with the reason
 * (and "at capacity" with the budget's numbers), the last cold start, a replicas-per-version
 * chart with scaling decisions as markers, and the form that sets the policy.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { scalingQuery, type ScalingStatus } from '../../../../../_lib/queries/scaling';
import { useCanMutate } from '../../../../../_components/use-can-mutate';
import { ErrorAlert } from '../../../../../_components/feedback';
import { PolicyForm } from './policy-form';
import { capacitySentence, METRIC_LABELS } from './policy-values';
import { ReplicasChart } from './replicas-chart';
import { ScalingEvents } from './scaling-events';

function policySummary(s: ScalingStatus): string {
  const p = s.policy;
  if (!p) return `Fixed: ${s.desiredReplicas} replica${s.desiredReplicas === 1 ? '' : 's'} (no autoscaling policy).`;
  return `${p.minReplicas}–${p.maxReplicas} replicas on ${METRIC_LABELS[p.metric].toLowerCase()}, target ${p.target}; up after ${p.upscaleDelaySeconds} s, down after ${p.downscaleDelaySeconds} s, over the last ${p.lookbackSeconds} s.`;
}

export function ScalingPanel({ name }: { name: string }) {
  const { data, error, dataUpdatedAt } = useQuery(scalingQuery(name));
  const canMutate = useCanMutate();
  const [editing, setEditing] = useState(false);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const capacity = capacitySentence(data);
  return (
    <section className="card stack" aria-labelledby="scaling-heading">
      <h2 id="scaling-heading">Autoscaling</h2>
      <p>{policySummary(data)}</p>
      <dl className="props" aria-label="Scaling status">
        <dt>Desired</dt>
        <dd data-testid="scaling-desired">{data.desiredReplicas}</dd>
        <dt>Ready</dt>
        <dd data-testid="scaling-ready">{data.readyReplicas}</dd>
        {data.policy && (
          <>
            <dt>Decision</dt>
            <dd>
              {data.reason}
              {data.metricValue !== null && ` (${data.policy.metric} ${data.metricValue})`}
            </dd>
          </>
        )}
        {data.lastColdStartMs !== null && (
          <>
            <dt>Last cold start</dt>
            <dd>{(data.lastColdStartMs / 1000).toFixed(1)} s</dd>
          </>
        )}
      </dl>
      {capacity && <p role="status">{capacity}</p>}
      <ReplicasChart status={data} nowMs={dataUpdatedAt} />
      <ScalingEvents events={data.events} />
      {canMutate &&
        (editing ? (
          <PolicyForm endpoint={name} policy={data.policy} replicas={data.desiredReplicas} onDone={() => setEditing(false)} />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              {data.policy ? 'Edit autoscaling' : 'Set up autoscaling'}
            </button>
          </div>
        ))}
    </section>
  );
}
