import { routes, withRoute } from '../../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.archiveVersion, ({ services, params, actor }) =>
  services.versions.archive(params.model, params.version, actor),
);
