import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getEndpointMetrics, ({ services, params, query }) => services.metrics.endpoint(params.endpoint, query));
