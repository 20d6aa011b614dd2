import { servePrometheus } from '../../server/metrics/prometheus-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus text format; auth is described in server/metrics/prometheus-route.ts. */
export const GET = (request: Request) => servePrometheus(request);
