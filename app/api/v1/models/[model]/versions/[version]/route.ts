import { routes, withRoute } from '../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getVersion, ({ services, params }) => services.versions.get(params.model, params.version));

export const PATCH = withRoute(routes.updateVersion, ({ services, params, body, actor }) =>
  services.versions.update(params.model, params.version, body, actor),
);
