/**
 * The endpoint page, on-call first: health and live charts, then the active rollout, then
 * replicas and config, then the rollout history. Each band is its own component, so a new
 * figure or form (autoscaling, say) slots in between without touching the others.
 */
import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { EndpointConfig } from '../../../_components/endpoints/endpoint-config';
import { EndpointHeader } from '../../../_components/endpoints/endpoint-header';
import { prefetch } from '../../../_lib/server/prefetch';
import { endpointKeys } from '../../../_lib/queries/endpoints';
import { DEFAULT_RANGE, metricsKeys } from '../../../_lib/queries/metrics';
import { replicaKeys } from '../../../_lib/queries/replicas';
import { rolloutKeys } from '../../../_lib/queries/rollouts';
import { EndpointCharts } from './_components/charts/endpoint-charts';
import { EndpointHealth } from './_components/endpoint-health';
import { ScalingPanel } from './_components/scaling/scaling-panel';
import { ReplicasTable } from './_components/replicas-table';
import { RolloutHistory } from './_components/rollout-history';
import { RolloutPanel } from './_components/rollout-panel';
import { TuningPanel } from './_components/tuning/tuning-panel';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function EndpointPage({ params }: Props) {
  const { name } = await params;
  const state = await prefetch(({ services, put }) => {
    put(endpointKeys.detail(name), services.endpoints.get(name));
    put(rolloutKeys.list(name), services.rollouts.list(name));
    put(replicaKeys.list(name), services.replicas.list(name));
    put(metricsKeys.overview(), services.metrics.overview());
    put(metricsKeys.endpoint(name, DEFAULT_RANGE), services.metrics.endpoint(name, { range: DEFAULT_RANGE }));
  });
  return (
    <HydrationBoundary state={state}>
      <EndpointHeader name={name} />
      <EndpointHealth name={name} />
      <EndpointCharts name={name} />
      <ScalingPanel name={name} />
      <RolloutPanel name={name} />
      <ReplicasTable name={name} />
      <EndpointConfig name={name} />
      <TuningPanel name={name} />
      <RolloutHistory name={name} />
    </HydrationBoundary>
  );
}
