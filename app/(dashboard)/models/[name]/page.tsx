import type { Metadata } from 'next';
import { ModelView } from '../../../_components/models/model-view';
import { VersionDeployments } from './_components/version-deployments';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function ModelPage({ params }: Props) {
  const { name } = await params;
  return (
    <>
      <ModelView name={name} />
      <VersionDeployments model={name} />
    </>
  );
}
