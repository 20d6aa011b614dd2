import { NotFoundCard } from '../../../_components/ui/not-found-card';

export default function EndpointNotFound() {
  return <NotFoundCard what="Endpoint" listHref="/endpoints" listLabel="All endpoints" />;
}
