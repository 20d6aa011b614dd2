import { HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { ModelView } from '../../../_components/models/model-view';
import { endpointKeys } from '../../../_lib/queries/endpoints';
import { modelKeys } from '../../../_lib/queries/models';
import { prefetch } from '../../../_lib/server/prefetch';
import { VersionDeployments } from './_components/version-deployments';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function ModelPage({ params }: Props) {
  const { name } = await params;
  const state = await prefetch(({ services, put }) => {
    put(modelKeys.detail(name), services.models.get(name));
    put(modelKeys.versions(name), services.versions.list(name));
    put(endpointKeys.list(), services.endpoints.list());
  });
  return (
    <HydrationBoundary state={state}>
      <ModelView name={name} />
      <VersionDeployments model={name} />
    </HydrationBoundary>
  );
}
