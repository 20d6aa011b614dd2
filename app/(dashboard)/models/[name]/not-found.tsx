import { NotFoundCard } from '../../../_components/ui/not-found-card';

export default function ModelNotFound() {
  return <NotFoundCard what="Model" listHref="/models" listLabel="All models" />;
}
