import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listReplicas, ({ services, params }) => services.replicas.list(params.endpoint));
