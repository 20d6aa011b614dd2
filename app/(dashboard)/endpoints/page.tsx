import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { EndpointsView } from '../../_components/endpoints/endpoints-view';
import { endpointKeys } from '../../_lib/queries/endpoints';
import { prefetch } from '../../_lib/server/prefetch';

export const metadata: Metadata = { title: 'Endpoints' };

export default async function EndpointsPage() {
  const state = await prefetch(({ services, put }) => put(endpointKeys.list(), services.endpoints.list()));
  return (
    <HydrationBoundary state={state}>
      <EndpointsView />
    </HydrationBoundary>
  );
}
