import { routes, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getModel, ({ services, params }) => services.registry.getModel(params.model));

export const PATCH = withRoute(routes.updateModel, ({ services, params, body, actor }) =>
  services.registry.updateModel(params.model, body, actor),
);

export const DELETE = withRoute(routes.deleteModel, ({ services, params, actor }) => services.registry.deleteModel(params.model, actor));
