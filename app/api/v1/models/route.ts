import { routes, withRoute } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listModels, ({ services, query }) => services.models.list(query));

export const POST = withRoute(routes.createModel, ({ services, body, actor }) => services.models.create(body, actor));
