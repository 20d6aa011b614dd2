import { routes, withRoute } from '../../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.actOnTuning, ({ services, params, actor }) => services.tunings.act(params.endpoint, params.id, params.action, actor));
