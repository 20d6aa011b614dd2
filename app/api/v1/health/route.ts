import { routes, withRoute } from '../../../../server/http';
import { APP_VERSION } from '../../../../server/http/app-version';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.health, async ({ services }) => {
  const storage = await services.storage.status();
  return {
    status: storage.ok ? ('ok' as const) : ('degraded' as const),
    version: APP_VERSION,
    uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
    storage,
  };
});
