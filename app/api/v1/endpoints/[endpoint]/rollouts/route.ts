import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listRollouts, ({ services, params }) => services.rollouts.list(params.endpoint));

export const POST = withRoute(routes.startRollout, ({ services, params, body, actor }) => services.rollouts.start(params.endpoint, body, actor));
