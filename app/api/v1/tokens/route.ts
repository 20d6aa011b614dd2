import { routes, withRoute } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listTokens, ({ services }) => ({ items: services.auth.listTokens() }));

export const POST = withRoute(routes.createToken, ({ services, body, actor }) => services.auth.createToken(body, actor));
