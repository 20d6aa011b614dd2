import { afterEach, describe, expect, it } from 'vitest';
import { clearServices, registerServices } from '../context';
import { buildServices } from '../services';
import { makeTestDeps, type TestDeps } from '../../testing/services';
import { servePrometheus } from './prometheus-route';

let deps: TestDeps | undefined;

function serve(env: Record<string, string>) {
  deps = makeTestDeps(env);
  const services = buildServices(deps);
  registerServices(services);
  return services;
}

afterEach(() => {
  clearServices();
  deps?.cleanup();
  deps = undefined;
});

const scrape = (headers: Record<string, string> = {}) => servePrometheus(new Request('http://127.0.0.1:3000/metrics', { headers }));

describe('GET /metrics access', () => {
  it('needs a bearer token by default, and any role will do', async () => {
    const services = serve({});
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await scrape({ authorization: 'Bearer slw_not-a-real-token' })).status).toBe(401);
    const { secret } = services.tokens.create({ name: 'prom', role: 'viewer' }, 'test');
    const ok = await scrape({ authorization: `Bearer ${secret}` });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^# TYPE slipway_gateway_request_duration_seconds histogram$/m);
  });

  it('is open without a token when SLIPWAY_METRICS_PUBLIC=1', async () => {
    serve({ SLIPWAY_METRICS_PUBLIC: '1' });
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('answers 503 in the error envelope when the control plane is not running here', async () => {
    const res = await scrape();
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
  });
});
