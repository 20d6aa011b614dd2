import { routes, withRoute } from '../../../../server/http';
import { APP_VERSION } from '../../../../server/http/app-version';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.health, ({ services }) => ({
  status: 'ok' as const,
  version: APP_VERSION,
  uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
}));
