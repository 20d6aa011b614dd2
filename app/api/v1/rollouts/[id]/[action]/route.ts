import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.actOnRollout, ({ services, params, actor }) => services.rollouts.act(params.id, params.action, actor));
