import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { Overview } from '../_components/overview';
import { endpointKeys } from '../_lib/queries/endpoints';
import { metricsKeys } from '../_lib/queries/metrics';
import { prefetch } from '../_lib/server/prefetch';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const state = await prefetch(({ services, put }) => {
    put(metricsKeys.overview(), services.metrics.overview());
    put(endpointKeys.list(), services.endpoints.list());
  });
  return (
    <HydrationBoundary state={state}>
      <Overview />
    </HydrationBoundary>
  );
}
