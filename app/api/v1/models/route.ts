import { routes, withRoute } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listModels, ({ services, query }) => services.registry.listModels(query));

export const POST = withRoute(routes.createModel, ({ services, body, actor }) => services.registry.createModel(body, actor));
