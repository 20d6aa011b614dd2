import { routes, withRoute } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listEndpoints, ({ services }) => services.endpoints.list());

export const POST = withRoute(routes.createEndpoint, ({ services, body, actor }) => services.endpoints.create(body, actor));
