import { routes, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getEndpoint, ({ services, params }) => services.endpoints.get(params.endpoint));

export const PATCH = withRoute(routes.updateEndpoint, ({ services, params, body, actor }) =>
  services.endpoints.update(params.endpoint, body, actor),
);

export const DELETE = withRoute(routes.deleteEndpoint, ({ services, params, actor }) => services.endpoints.remove(params.endpoint, actor));
