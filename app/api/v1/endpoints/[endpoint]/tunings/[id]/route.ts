import { routes, withRoute } from '../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.getTuning, ({ services, params }) => services.tunings.get(params.endpoint, params.id));
