import { routes, withRoute } from '../../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.archiveVersion, ({ services, params, actor }) =>
  services.registry.archiveVersion(params.model, params.version, actor),
);
