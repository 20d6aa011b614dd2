import { routes, uploadVersion, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listVersions, ({ services, params }) => services.versions.list(params.model));

/** Streams the upload straight into the registry; nothing is buffered whole. */
export const POST = withRoute(routes.uploadVersion, ({ services, request, params, query, actor }) =>
  uploadVersion(services, request, params.model, query, actor),
);
