import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { clearServices, registerServices, type Services } from '../context';
import { AppError } from '../errors';
import { buildServices } from '../services';
import { makeTestDeps, type TestDeps } from '../../testing/services';
import { defineRoute } from './contract';
import { withRoute } from './with-route';

const URL_BASE = 'http://127.0.0.1:3000/api/v1';
let deps: TestDeps;
let services: Services;
const secrets = { viewer: '', admin: '' };

beforeAll(() => {
  deps = makeTestDeps();
  services = buildServices(deps);
  registerServices(services);
  secrets.viewer = services.tokens.create({ name: 'v', role: 'viewer' }, 'test').secret;
  secrets.admin = services.tokens.create({ name: 'a', role: 'admin' }, 'test').secret;
});

afterAll(() => {
  clearServices();
  deps.cleanup();
});

const echo = defineRoute({
  operationId: 'echo',
  method: 'POST',
  path: '/things/{thing}',
  access: 'admin',
  summary: 'test route',
  tags: ['test'],
  params: z.object({ thing: z.string().regex(/^[a-z]+$/) }),
  query: z.object({ n: z.coerce.number().int().optional() }),
  body: { kind: 'json', schema: z.strictObject({ value: z.string() }) },
  response: { status: 201, description: 'echo' },
});

const post = (path: string, init: { token?: string; body?: string; headers?: Record<string, string> } = {}) =>
  new Request(`${URL_BASE}${path}`, {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }), ...init.headers },
    body: init.body ?? '{"value":"x"}',
  });
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe('withRoute', () => {
  const handler = withRoute(echo, ({ params, query, body, actor, principal }) => ({ params, query, body, actor, role: principal.role }));

  it('hands the handler parsed input and the principal, and answers with the contract status', async () => {
    const res = await handler(post('/things/abc?n=3', { token: secrets.admin }), ctx({ thing: 'abc' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ params: { thing: 'abc' }, query: { n: 3 }, body: { value: 'x' }, actor: 'a', role: 'admin' });
  });

  it.each([
    ['no credential', {}, { thing: 'abc' }, 401, 'UNAUTHORIZED', undefined],
    ['a role too low', { token: 'viewer' }, { thing: 'abc' }, 403, 'FORBIDDEN', undefined],
    ['a bad path parameter', { token: 'admin' }, { thing: 'ABC' }, 400, 'VALIDATION', 'params.thing'],
    ['a bad query parameter', { token: 'admin', path: '/things/abc?n=x' }, { thing: 'abc' }, 400, 'VALIDATION', 'query.n'],
    ['an unknown body field', { token: 'admin', body: '{"value":"x","extra":1}' }, { thing: 'abc' }, 400, 'VALIDATION', 'extra'],
    ['malformed JSON', { token: 'admin', body: '{' }, { thing: 'abc' }, 400, 'VALIDATION', ''],
    ['a non-JSON content type', { token: 'admin', headers: { 'content-type': 'text/plain' } }, { thing: 'abc' }, 415, 'UNSUPPORTED_MEDIA_TYPE', undefined],
  ] as const)('refuses %s', async (_name, opts, params, status, code, issuePath) => {
    const token = 'token' in opts ? secrets[opts.token] : undefined;
    const request = post('path' in opts ? opts.path : '/things/abc', {
      token,
      ...('body' in opts && { body: opts.body }),
      ...('headers' in opts && { headers: opts.headers }),
    });
    const res = await handler(request, ctx(params));
    const body = (await res.json()) as { error: { code: string; issues?: { path: string }[] } };
    expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
    if (issuePath !== undefined) expect(body.error.issues?.map((i) => i.path)).toContain(issuePath);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('maps an AppError thrown by the handler to its status', async () => {
    const failing = withRoute(echo, () => {
      throw new AppError('CONFLICT', 'already there');
    });
    const res = await failing(post('/things/abc', { token: secrets.admin }), ctx({ thing: 'abc' }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'CONFLICT', message: 'already there' } });
  });

  it('answers an unexpected error with a bare 500 and logs it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = withRoute(echo, () => {
      throw new Error('SQLITE_CORRUPT at /secret/path/slipway.db');
    });
    const res = await failing(post('/things/abc', { token: secrets.admin }), ctx({ thing: 'abc' }));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(JSON.stringify({ error: { code: 'INTERNAL', message: 'Internal error' } }));
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('answers 204 with no body, and adds no-store to a handler-built Response', async () => {
    const empty = withRoute({ ...echo, response: { status: 204, description: 'none' } }, () => undefined);
    const none = await empty(post('/things/abc', { token: secrets.admin }), ctx({ thing: 'abc' }));
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
    const own = withRoute(echo, () => new Response('raw', { status: 202 }));
    const res = await own(post('/things/abc', { token: secrets.admin }), ctx({ thing: 'abc' }));
    expect({ status: res.status, cache: res.headers.get('cache-control'), text: await res.text() }).toEqual({ status: 202, cache: 'no-store', text: 'raw' });
  });

  it('authenticates a session cookie and enforces the origin for its mutations', async () => {
    const { sessionSecret } = services.auth.login(secrets.admin);
    const cookie = { cookie: `slipway_session=${sessionSecret}` };
    const same = await handler(post('/things/abc', { headers: { ...cookie, origin: 'http://127.0.0.1:3000' } }), ctx({ thing: 'abc' }));
    expect(same.status).toBe(201);
    const cross = await handler(post('/things/abc', { headers: { ...cookie, origin: 'https://evil.example' } }), ctx({ thing: 'abc' }));
    expect(cross.status).toBe(403);
    const missing = await handler(post('/things/abc', { headers: cookie }), ctx({ thing: 'abc' }));
    expect(missing.status).toBe(403);
  });

  it('answers 503 while no control plane is registered in the process', async () => {
    clearServices();
    try {
      const res = await handler(post('/things/abc', { token: secrets.admin }), ctx({ thing: 'abc' }));
      expect(res.status).toBe(503);
    } finally {
      registerServices(services);
    }
  });
});
