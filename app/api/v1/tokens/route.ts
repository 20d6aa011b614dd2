import { routes, withRoute } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.listTokens, ({ services }) => ({ items: services.tokens.list() }));

export const POST = withRoute(routes.createToken, ({ services, body, actor }) => services.tokens.create(body, actor));
