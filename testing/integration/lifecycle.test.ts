/**
 * The registry and endpoint routes end to end on the real server: models and versions from
 * creation to archive and delete, endpoints with defaulted and merged runtime config, and the
 * conflicts that protect what an endpoint serves.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDemoModelPath } from '../../server/demo/demo-model-path';
import { RUNTIME_CONFIG_DEFAULTS } from '../../server/endpoints/schemas';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError } from './client';

let plane: ControlPlane;
let admin: { token: string };
const demo = readFileSync(resolveDemoModelPath());

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane();
  admin = { token: plane.adminToken };
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

const upload = (model: string) =>
  call(plane, 'POST', `/models/${model}/versions`, { ...admin, body: demo, headers: { 'content-type': 'application/octet-stream' } });

describe('models and versions', () => {
  it('creates, edits, archives and deletes a model', async () => {
    const created = await call(plane, 'POST', '/models', { ...admin, json: { name: 'life', description: 'd', task: 'classification', tags: ['x'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'life', description: 'd', task: 'classification', tags: ['x'], status: 'active', latestVersion: null, versionCount: 0 });

    const patched = await call(plane, 'PATCH', '/models/life', { ...admin, json: { tags: ['x', 'y'] } });
    expect(patched.body).toMatchObject({ description: 'd', tags: ['x', 'y'] });
    const filtered = await call(plane, 'GET', '/models?tag=y', admin);
    expect(filtered.body.items.map((m: { name: string }) => m.name)).toEqual(['life']);

    const archived = await call(plane, 'POST', '/models/life/archive', admin);
    expect(archived.body.status).toBe('archived');
    expectError(await upload('life'), 409, 'CONFLICT');

    const deleted = await call(plane, 'DELETE', '/models/life', admin);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expectError(await call(plane, 'GET', '/models/life', admin), 404, 'NOT_FOUND');
  });

  it('edits and archives a version', async () => {
    await call(plane, 'POST', '/models', { ...admin, json: { name: 'versioned' } });
    expect((await upload('versioned')).status).toBe(201);
    const patched = await call(plane, 'PATCH', '/models/versioned/versions/1', { ...admin, json: { description: 'first cut', tags: ['rc'] } });
    expect(patched.body).toMatchObject({ version: 1, description: 'first cut', tags: ['rc'] });
    const archived = await call(plane, 'POST', '/models/versioned/versions/1/archive', admin);
    expect(archived.body.status).toBe('archived');
    expect((await call(plane, 'GET', '/models/versioned/versions/1', admin)).body.status).toBe('archived');
  });
});

describe('endpoints', () => {
  it('serves a version with default config, merges a config patch, and protects what it serves', async () => {
    await call(plane, 'POST', '/models', { ...admin, json: { name: 'served' } });
    expect((await upload('served')).status).toBe(201);
    expect((await upload('served')).status).toBe(201);

    const created = await call(plane, 'POST', '/endpoints', { ...admin, json: { name: 'svc', model: 'served', version: 1 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'svc', model: 'served', version: 1, config: RUNTIME_CONFIG_DEFAULTS });
    expectError(await call(plane, 'POST', '/endpoints', { ...admin, json: { name: 'svc', model: 'served', version: 2 } }), 409, 'CONFLICT');

    const patched = await call(plane, 'PATCH', '/endpoints/svc', { ...admin, json: { version: 2, config: { maxBatchSize: 8, cache: { enabled: true } } } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, config: { maxBatchSize: 8, cache: { enabled: true, maxBytes: RUNTIME_CONFIG_DEFAULTS.cache.maxBytes }, replicas: 1 } });
    expect((await call(plane, 'GET', '/endpoints/svc', admin)).body).toEqual(patched.body);
    expect((await call(plane, 'GET', '/endpoints', admin)).body.items.map((e: { name: string }) => e.name)).toContain('svc');

    expectError(await call(plane, 'POST', '/models/served/versions/2/archive', admin), 409, 'CONFLICT');
    expectError(await call(plane, 'DELETE', '/models/served', admin), 409, 'CONFLICT');

    expect((await call(plane, 'POST', '/models/served/versions/1/archive', admin)).status).toBe(200);
    expectError(await call(plane, 'PATCH', '/endpoints/svc', { ...admin, json: { version: 1 } }), 409, 'CONFLICT');

    expect((await call(plane, 'DELETE', '/endpoints/svc', admin)).status).toBe(204);
    expectError(await call(plane, 'GET', '/endpoints/svc', admin), 404, 'NOT_FOUND');
    expect((await call(plane, 'DELETE', '/models/served', admin)).status).toBe(204);
  });
});
