import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listTunings, ({ services, params }) => services.tunings.list(params.endpoint));

export const POST = withRoute(routes.startTuning, ({ services, params, body, actor }) => services.tunings.start(params.endpoint, body, actor));
