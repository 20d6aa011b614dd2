import type { Metadata } from 'next';
import { ModelView } from '../../../_components/models/model-view';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: name };
}

export default async function ModelPage({ params }: Props) {
  const { name } = await params;
  return <ModelView name={name} />;
}
