import { routes, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getModel, ({ services, params }) => services.models.get(params.model));

export const PATCH = withRoute(routes.updateModel, ({ services, params, body, actor }) =>
  services.models.update(params.model, body, actor),
);

export const DELETE = withRoute(routes.deleteModel, ({ services, params, actor }) => services.models.remove(params.model, actor));
