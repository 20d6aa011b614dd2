import { routes, withRoute } from '../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.archiveModel, ({ services, params, actor }) => services.models.archive(params.model, actor));
