import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.rollbackEndpoint, ({ services, params, actor }) => services.rollouts.rollback(params.endpoint, actor));
