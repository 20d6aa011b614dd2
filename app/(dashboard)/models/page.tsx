import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ModelsView } from '../../_components/models/models-view';
import { modelKeys } from '../../_lib/queries/models';
import { prefetch } from '../../_lib/server/prefetch';
import { PAGE_LIMIT_DEFAULT } from '../../../server/common/schemas';

export const metadata: Metadata = { title: 'Models' };

export default async function ModelsPage() {
  // The table's first page, stored the way an infinite query keeps its pages.
  const state = await prefetch(({ services, put }) => put(modelKeys.list(''), { pages: [services.models.list({ limit: PAGE_LIMIT_DEFAULT })], pageParams: [null] }));
  return (
    <HydrationBoundary state={state}>
      <ModelsView />
    </HydrationBoundary>
  );
}
