import { routes, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = withRoute(routes.revokeToken, ({ services, params, actor }) => services.tokens.revoke(params.id, actor));
