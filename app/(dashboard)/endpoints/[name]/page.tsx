import type { Metadata } from 'next';
import { EndpointView } from '../../../_components/endpoints/endpoint-view';
import { EndpointCharts } from './_components/charts/endpoint-charts';
import { RolloutPanel } from './_components/rollout-panel';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function EndpointPage({ params }: Props) {
  const { name } = await params;
  return (
    <>
      <EndpointView name={name} />
      <RolloutPanel name={name} />
      <EndpointCharts name={name} />
    </>
  );
}
