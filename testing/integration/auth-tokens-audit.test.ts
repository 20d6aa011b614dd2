/**
 * Happy paths against the real server started as `npm start` does by default (demo on): health,
 * the OpenAPI document, the demo seed, browser login → cookie → me → logout, API tokens (secret
 * shown once, revocation), and the audit log naming the actors.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDemoModelPath } from '../../server/demo/demo-model-path';
import { ROUTES } from '../../server/http/contracts';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError } from './client';

let plane: ControlPlane;
let adminName = '';

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane({ demo: true });
  const me = await call(plane, 'GET', '/auth/me', { token: plane.adminToken });
  expect(me.status).toBe(200);
  expect(me.body.role).toBe('admin');
  adminName = me.body.name;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

describe('system routes', () => {
  it('answers health without credentials', async () => {
    const reply = await call(plane, 'GET', '/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'ok',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      storage: { ok: true, freeBytes: expect.any(Number), totalBytes: expect.any(Number), lowSpaceThresholdBytes: expect.any(Number) },
    });
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const reply = await call(plane, 'GET', '/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toMatch(/^3\.1\./);
    const operations = Object.entries(reply.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});

describe('demo seed', () => {
  it('lists the demo model, serves its bytes back, and stores a re-upload of them once', async () => {
    const admin = { token: plane.adminToken };
    const demo = readFileSync(resolveDemoModelPath());
    const sha256 = createHash('sha256').update(demo).digest('hex');
    const models = await call(plane, 'GET', '/models', admin);
    const seeded = (models.body.items as { name: string; latestVersion: number | null }[]).find((m) => m.latestVersion !== null);
    expect(seeded, JSON.stringify(models.body)).toBeDefined();
    const name = seeded?.name ?? '';
    const version = (await call(plane, 'GET', `/models/${name}/versions/${seeded?.latestVersion}`, admin)).body;
    expect(version.sha256).toBe(sha256);

    const download = await fetch(`${plane.apiUrl}/models/${name}/versions/${version.version}/artifact`, { headers: { authorization: `Bearer ${plane.adminToken}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(demo)).toBe(true);

    expect((await call(plane, 'POST', '/models', { ...admin, json: { name: 'demo-copy' } })).status).toBe(201);
    const copy = await call(plane, 'POST', '/models/demo-copy/versions', { ...admin, body: demo, headers: { 'content-type': 'application/octet-stream' } });
    expect(copy.status, JSON.stringify(copy.body)).toBe(201);
    expect(copy.body.sha256).toBe(sha256);
    expect(readdirSync(join(plane.dataDir, 'artifacts'))).toEqual([`${sha256}.onnx`]);
  });
});

describe('browser session', () => {
  it('logs in with a token, sets a strict httpOnly cookie, knows who it is, and logs out', async () => {
    const login = await call(plane, 'POST', '/auth/login', { json: { token: plane.adminToken }, origin: plane.baseUrl });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ name: adminName, role: 'admin' });
    const setCookie = login.headers.get('set-cookie') ?? '';
    const attributes = setCookie.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^slipway_session=[^;]+$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect(attributes.find((a) => a.startsWith('Max-Age='))).toMatch(/^Max-Age=[1-9]\d*$/);
    expect(attributes).not.toContain('Secure');
    const cookie = attributes[0] ?? '';

    const me = await call(plane, 'GET', '/auth/me', { cookie });
    expect(me.body).toEqual({ name: adminName, role: 'admin' });

    const created = await call(plane, 'POST', '/models', { cookie, origin: plane.baseUrl, json: { name: 'from-browser' } });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toBe(adminName);

    const logout = await call(plane, 'POST', '/auth/logout', { cookie, origin: plane.baseUrl });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^slipway_session=;.*Max-Age=0/);
    expectError(await call(plane, 'GET', '/auth/me', { cookie }), 401, 'UNAUTHORIZED');
  });
});

describe('API tokens', () => {
  it('shows the secret once, lists the token without it, and refuses it after revocation', async () => {
    const admin = { token: plane.adminToken };
    const created = await call(plane, 'POST', '/tokens', { ...admin, json: { name: 'ci-deployer', role: 'deployer' } });
    expect(created.status).toBe(201);
    const { token, secret } = created.body as { token: { id: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^slw_/);
    expect(created.body.token).toMatchObject({ name: 'ci-deployer', role: 'deployer', createdBy: adminName, lastUsedAt: null });
    expect(secret.startsWith(token.prefix)).toBe(true);

    const list = await call(plane, 'GET', '/tokens', admin);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(token.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);

    const asDeployer = await call(plane, 'POST', '/models', { token: secret, json: { name: 'by-ci' } });
    expect(asDeployer.status).toBe(201);
    expect(asDeployer.body.createdBy).toBe('ci-deployer');
    expect((await call(plane, 'GET', '/auth/me', { token: secret })).body).toEqual({ name: 'ci-deployer', role: 'deployer' });

    expect((await call(plane, 'DELETE', `/tokens/${token.id}`, admin)).status).toBe(204);
    expectError(await call(plane, 'GET', '/models', { token: secret }), 401, 'UNAUTHORIZED');
    expectError(await call(plane, 'POST', '/auth/login', { json: { token: secret } }), 401, 'UNAUTHORIZED');
  });
});

describe('audit log', () => {
  it('lists the changes with their actors, filterable by actor and action', async () => {
    const admin = { token: plane.adminToken };
    const created = await call(plane, 'POST', '/tokens', { ...admin, json: { name: 'auditor', role: 'viewer' } });
    await call(plane, 'POST', '/models', { ...admin, json: { name: 'audited' } });
    await call(plane, 'PATCH', '/models/audited', { ...admin, json: { description: 'now described' } });
    await call(plane, 'DELETE', `/tokens/${created.body.token.id}`, admin);

    const page = await call(plane, 'GET', `/audit?actor=${encodeURIComponent(adminName)}&limit=200`, { token: created.body.secret });
    expectError(page, 401, 'UNAUTHORIZED');

    const mine = await call(plane, 'GET', `/audit?actor=${encodeURIComponent(adminName)}&limit=200`, admin);
    expect(mine.status).toBe(200);
    const events = mine.body.items as { actor: string; action: string; target: string; at: string }[];
    expect(events.every((e) => e.actor === adminName)).toBe(true);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke', 'model.create', 'model.update']));
    expect(events.find((e) => e.action === 'model.update')?.target).toContain('audited');

    const creates = await call(plane, 'GET', '/audit?action=model.create&limit=200', admin);
    const actors = (creates.body.items as { actor: string; action: string }[]).map((e) => `${e.action} by ${e.actor}`);
    expect(actors).toEqual(expect.arrayContaining([`model.create by ${adminName}`]));
    expect(new Set(actors.map((a) => a.split(' by ')[0]))).toEqual(new Set(['model.create']));
  });
});
