/**
 * Attacks on the real server (issue 9, "Hardening"), each with the outcome it must now have:
 * hostile `next=` after sign-in, sign-in guessing (throttle + audit), unknown methods, non-canonical
 * version numbers, missing security headers, and a binary-typed field taking the model's slot in
 * a multipart upload.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDemoModelPath } from '../../server/demo/demo-model-path';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError } from './client';

const demo = readFileSync(resolveDemoModelPath());
let plane: ControlPlane;

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane();
  const admin = { token: plane.adminToken };
  expect((await call(plane, 'POST', '/models', { ...admin, json: { name: 'cls' } })).status).toBe(201);
  const upload = await call(plane, 'POST', '/models/cls/versions', { ...admin, body: demo, headers: { 'content-type': 'application/octet-stream' } });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch refuses TRACE and cannot pick the client's source address. */
function raw(method: string, path: string, opts: { headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(`${plane.baseUrl}${path}`, { method, headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const signIn = (token: string, extra: { localAddress?: string; headers?: Record<string, string> } = {}) =>
  raw('POST', '/api/v1/auth/login', {
    ...extra,
    headers: { 'content-type': 'application/json', origin: plane.baseUrl, ...extra.headers },
    body: JSON.stringify({ token }),
  });

describe('open redirect after sign-in', () => {
  const hostile = ['/\t/evil.example/', '/\n/evil.example/', '/\r/evil.example/', '/\t\\evil.example/', '//evil.example/', '/\\evil.example/', 'https://evil.example/'];

  it.each(hostile)('the sign-in page turns next=%j into the dashboard root', async (next) => {
    const page = await raw('GET', `/login?next=${encodeURIComponent(next)}`);
    expect(page.status).toBe(200);
    // The form's destination travels to the browser as the LoginForm's `next` prop.
    const props = [...page.body.matchAll(/\\"next\\":\\"([^"\\]*)\\"/g)].map((m) => m[1]);
    expect(props).toEqual(['/']);
  });

  it('keeps a same-origin destination', async () => {
    const page = await raw('GET', `/login?next=${encodeURIComponent('/models/cls?tab=versions')}`);
    expect([...page.body.matchAll(/\\"next\\":\\"([^"\\]*)\\"/g)].map((m) => m[1])).toEqual(['/models/cls?tab=versions']);
  });

  it('a //host request target without a session is redirected within the site, to a next= on it', async () => {
    // Next normalises the double slash first; every hop must stay on our origin and end at /login.
    let target = '//evil.example/';
    for (let hop = 0; hop < 3 && !target.startsWith('/login'); hop += 1) {
      const reply = await raw('GET', target);
      expect(reply.status, `${target} → ${reply.status}`).toBeGreaterThanOrEqual(300);
      expect(reply.status).toBeLessThan(400);
      const location = new URL(String(reply.headers.location), `${plane.baseUrl}/`);
      expect(location.origin).toBe(plane.baseUrl);
      target = `${location.pathname}${location.search}`;
    }
    const login = new URL(target, plane.baseUrl);
    expect(login.pathname).toBe('/login');
    expect(new URL(login.searchParams.get('next') ?? '/', plane.baseUrl).origin).toBe(plane.baseUrl);
  });
});

describe('sign-in throttling and audit', () => {
  it('answers 429 with Retry-After after five failures from one address, audits them without the token, and leaves other clients alone', async () => {
    const wrong = `slw_guess_${'0'.repeat(36)}`;
    const started = Date.now();
    const statuses: number[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const replies = await Promise.all(Array.from({ length: 50 }, () => signIn(wrong)));
      statuses.push(...replies.map((r) => r.status));
    }
    const counts = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 401: 5, 429: 495 });

    const limited = await signIn(plane.adminToken);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil((60_000 - (Date.now() - started)) / 1000) + 1);

    // The address comes from the socket: a header claiming another one changes nothing.
    expect((await signIn(plane.adminToken, { headers: { 'x-slipway-client-address': '203.0.113.9' } })).status).toBe(429);
    // Another client (another loopback source address) signs in as usual.
    const other = await signIn(plane.adminToken, { localAddress: '127.0.0.2' });
    expect(other.status, other.body).toBe(200);
    expect(other.headers['set-cookie']?.[0]).toMatch(/^slipway_session=/);
    // Bearer calls are not sign-ins: the throttled address still reaches the API with a token.
    expect((await call(plane, 'GET', '/auth/me', { token: plane.adminToken })).status).toBe(200);

    const audit = await call(plane, 'GET', '/audit?action=auth.sign-in-failed&limit=200', { token: plane.adminToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(5);
    for (const event of audit.body.items) expect(event).toMatchObject({ actor: 'anonymous', action: 'auth.sign-in-failed', target: 'client/127.0.0.1' });
    const everything = JSON.stringify((await call(plane, 'GET', '/audit?limit=200', { token: plane.adminToken })).body);
    expect(everything).not.toContain(wrong.slice(0, 10));
  });
});

describe('methods outside the API', () => {
  it.each([
    ['TRACE', '/api/v1/models', 'GET, HEAD, OPTIONS, POST'],
    ['TRACE', '/api/v1/models/cls/versions/1', 'GET, HEAD, OPTIONS, PATCH'],
    ['PROPFIND', '/api/v1/tokens', 'GET, HEAD, OPTIONS, POST'],
    ['PUT', '/api/v1/models', 'GET, HEAD, OPTIONS, POST'],
    ['TRACE', '/models', 'GET, HEAD'],
    ['TRACE', '/api/v1/no/such/route', undefined],
  ])('%s %s → 405 with the error envelope', async (method, path, allow) => {
    const reply = await raw(method, path, { headers: { authorization: `Bearer ${plane.adminToken}` } });
    expect(reply.status).toBe(405);
    expect(JSON.parse(reply.body)).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String) } });
    expect(reply.headers.allow).toBe(allow);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('version numbers in paths', () => {
  it('version 1 is found by its canonical number', async () => {
    expect((await call(plane, 'GET', '/models/cls/versions/1', { token: plane.adminToken })).status).toBe(200);
  });

  it.each(['1e0', '0x1', '01', '1.0', '%201', '+1', '1%20', '-1', '0', '99999999999'])('/models/cls/versions/%s is refused with 400', async (version) => {
    const reply = await call(plane, 'GET', `/models/cls/versions/${version}`, { token: plane.adminToken });
    expectError(reply, 400, 'VALIDATION');
    expect(reply.body.error.issues).toEqual([{ path: 'params.version', message: expect.any(String) }]);
  });

  it('a rollout id follows the same rule', async () => {
    expectError(await call(plane, 'GET', '/rollouts/01', { token: plane.adminToken }), 400, 'VALIDATION');
  });
});

describe('security headers on every response', () => {
  const EXPECTED = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  };

  it.each([
    ['the sign-in page', '/login', {}],
    ['a dashboard page without a session (redirect)', '/models', {}],
    ['the health check', '/api/v1/health', {}],
    ['a refused API call', '/api/v1/models', { authorization: 'Bearer x' }],
    ['an unknown API path', '/api/v1/nope', {}],
    ['an unknown page', '/no-such-page', { cookie: 'slipway_session=x' }],
  ])('%s', async (_name, path, headers) => {
    const reply = await raw('GET', path, { headers });
    expect(reply.headers).toMatchObject(EXPECTED);
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('a static asset of the dashboard', async () => {
    const page = await raw('GET', '/login');
    const asset = /\/_next\/static\/[^"']+\.js/.exec(page.body)?.[0];
    expect(asset).toBeDefined();
    const reply = await raw('GET', asset ?? '');
    expect(reply.status).toBe(200);
    expect(reply.headers).toMatchObject(EXPECTED);
  });
});

describe('multipart uploads with a binary-typed field', () => {
  const boundary = 'slipway-hardening-boundary';
  const part = (headers: string[], body: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const upload = (...parts: Buffer[]) =>
    call(plane, 'POST', '/models/cls/versions', {
      token: plane.adminToken,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    });
  const filePart = part(['Content-Disposition: form-data; name="file"; filename="model.onnx"', 'Content-Type: application/octet-stream'], demo);

  it('a field sent as application/octet-stream before the file stays a field, and the file is the model', async () => {
    const reply = await upload(
      part(['Content-Disposition: form-data; name="metadata"', 'Content-Type: application/octet-stream'], '{"owner":"x"}'),
      part(['Content-Disposition: form-data; name="description"', 'Content-Type: application/octet-stream'], 'sent as bytes'),
      filePart,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ model: 'cls', description: 'sent as bytes', sizeBytes: demo.byteLength });
  });

  it('a "file" part sent as a text field is refused with a message that says so', async () => {
    const reply = await upload(part(['Content-Disposition: form-data; name="file"'], 'not a file part'));
    expectError(reply, 400, 'VALIDATION');
    expect(reply.body.error.message).toMatch(/"file" part must be sent as a file/);
  });
});
