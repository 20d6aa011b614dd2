/**
 * `GET /metrics` for Prometheus. Scrapers rarely hold a session, so the route takes a bearer
 * token of any role (viewer and up; `bearer_token_file` in the scrape config), or nothing at all
 * when the operator sets `SLIPWAY_METRICS_PUBLIC=1`. Plain Web Request/Response: no next/*.
 */
import { hasRole } from '../auth/roles';
import { getServices } from '../context';
import { AppError } from '../errors';
import { extractCredential } from '../http/credentials';
import { errorResponse } from '../http/responses';

export async function servePrometheus(request: Request): Promise<Response> {
  try {
    const services = getServices();
    if (!services.config.metricsPublic) {
      const credential = extractCredential(request.headers);
      if (credential.kind !== 'bearer') {
        const res = errorResponse(new AppError('UNAUTHORIZED', 'Bearer token required (or set SLIPWAY_METRICS_PUBLIC=1)'), 'GET /metrics');
        res.headers.set('www-authenticate', 'Bearer realm="slipway"');
        return res;
      }
      const principal = services.auth.authenticateBearer(credential.secret);
      if (!principal) return errorResponse(new AppError('UNAUTHORIZED', 'Invalid or expired credentials'), 'GET /metrics');
      if (!hasRole(principal, 'viewer')) return errorResponse(new AppError('FORBIDDEN', 'This needs the viewer role'), 'GET /metrics');
    }
    const { contentType, body } = await services.metrics.prometheus();
    return new Response(body, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (err) {
    return errorResponse(err, 'GET /metrics');
  }
}
