import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getScaling, ({ services, params }) => services.scaling.status(params.endpoint));
