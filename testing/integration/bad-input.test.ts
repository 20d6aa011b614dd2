/**
 * "Bad input" against the real server: every rejected request answers the error envelope with
 * the right status and leaves the database (as the list endpoints show it) and the artifact
 * folders exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError, snapshot, type Call } from './client';

let plane: ControlPlane;
const creds = { viewer: '', deployer: '', cookie: '' };

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane();
  const admin = { token: plane.adminToken };
  expect((await call(plane, 'POST', '/models', { ...admin, json: { name: 'resnet', description: 'existing' } })).status).toBe(201);
  for (const role of ['viewer', 'deployer'] as const) {
    const created = await call(plane, 'POST', '/tokens', { ...admin, json: { name: `it-${role}`, role } });
    expect(created.status).toBe(201);
    creds[role] = created.body.secret;
  }
  const login = await call(plane, 'POST', '/auth/login', { json: { token: plane.adminToken }, origin: plane.baseUrl });
  expect(login.status).toBe(200);
  creds.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(creds.cookie).toMatch(/^slipway_session=./);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

interface Row {
  name: string;
  method: string;
  path: string;
  call: (admin: Call) => Call;
  status: number;
  code: string;
  /** Field paths the envelope's `issues` must name. */
  issues?: string[];
  /** The one audit action the refusal itself records (a failed sign-in); nothing else may change. */
  records?: string;
}

const asAdmin = (extra: Call = {}) => (admin: Call) => ({ ...admin, ...extra });
const raw = (body: string, contentType = 'application/json') => asAdmin({ body, headers: { 'content-type': contentType } });

const rows: Row[] = [
  { name: 'malformed JSON', method: 'POST', path: '/models', call: raw('{"name": "x",'), status: 400, code: 'VALIDATION' },
  { name: 'empty JSON body', method: 'POST', path: '/models', call: raw(''), status: 400, code: 'VALIDATION' },
  { name: 'JSON array instead of object', method: 'POST', path: '/models', call: raw('[]'), status: 400, code: 'VALIDATION' },
  { name: 'wrong type: name is a number', method: 'POST', path: '/models', call: asAdmin({ json: { name: 42 } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'wrong type: tags is a string', method: 'PATCH', path: '/models/resnet', call: asAdmin({ json: { tags: 'a,b' } }), status: 400, code: 'VALIDATION', issues: ['tags'] },
  { name: 'wrong type: version is a string', method: 'POST', path: '/endpoints', call: asAdmin({ json: { name: 'e1', model: 'resnet', version: '1' } }), status: 400, code: 'VALIDATION', issues: ['version'] },
  { name: 'unknown field', method: 'POST', path: '/models', call: asAdmin({ json: { name: 'fresh', colour: 'red' } }), status: 400, code: 'VALIDATION', issues: ['colour'] },
  { name: 'unknown field in a patch', method: 'PATCH', path: '/models/resnet', call: asAdmin({ json: { name: 'renamed' } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'unknown nested runtime config key', method: 'POST', path: '/endpoints', call: asAdmin({ json: { name: 'e1', model: 'resnet', version: 1, config: { gpu: true } } }), status: 400, code: 'VALIDATION', issues: ['config.gpu'] },
  { name: 'name with upper case and underscore', method: 'POST', path: '/models', call: asAdmin({ json: { name: 'Bad_Name' } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'name starting with a hyphen', method: 'POST', path: '/models', call: asAdmin({ json: { name: '-lead' } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'name of 64 characters', method: 'POST', path: '/models', call: asAdmin({ json: { name: 'a'.repeat(64) } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'empty name', method: 'POST', path: '/models', call: asAdmin({ json: { name: '' } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'endpoint name not a DNS label', method: 'POST', path: '/endpoints', call: asAdmin({ json: { name: 'My.Endpoint', model: 'resnet', version: 1 } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'token name with spaces', method: 'POST', path: '/tokens', call: asAdmin({ json: { name: 'a b', role: 'viewer' } }), status: 400, code: 'VALIDATION', issues: ['name'] },
  { name: 'unknown role', method: 'POST', path: '/tokens', call: asAdmin({ json: { name: 'x', role: 'root' } }), status: 400, code: 'VALIDATION', issues: ['role'] },
  { name: 'version in the path is not a number', method: 'GET', path: '/models/resnet/versions/abc', call: asAdmin(), status: 400, code: 'VALIDATION', issues: ['params.version'] },
  { name: 'query limit out of range', method: 'GET', path: '/models?limit=100000', call: asAdmin(), status: 400, code: 'VALIDATION', issues: ['query.limit'] },
  { name: 'JSON body sent as text/plain', method: 'POST', path: '/models', call: raw('{"name":"fresh"}', 'text/plain'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'JSON body sent as a form', method: 'POST', path: '/models', call: raw('name=fresh', 'application/x-www-form-urlencoded'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'duplicate model name', method: 'POST', path: '/models', call: asAdmin({ json: { name: 'resnet' } }), status: 409, code: 'CONFLICT' },
  { name: 'unknown model', method: 'GET', path: '/models/nope', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'patch of an unknown model', method: 'PATCH', path: '/models/nope', call: asAdmin({ json: { description: 'x' } }), status: 404, code: 'NOT_FOUND' },
  { name: 'archive of an unknown model', method: 'POST', path: '/models/nope/archive', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'delete of an unknown model', method: 'DELETE', path: '/models/nope', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'versions of an unknown model', method: 'GET', path: '/models/nope/versions', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'unknown version', method: 'GET', path: '/models/resnet/versions/7', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'artifact of an unknown version', method: 'GET', path: '/models/resnet/versions/7/artifact', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'endpoint for an unknown model', method: 'POST', path: '/endpoints', call: asAdmin({ json: { name: 'e1', model: 'nope', version: 1 } }), status: 404, code: 'NOT_FOUND' },
  { name: 'endpoint for an unknown version', method: 'POST', path: '/endpoints', call: asAdmin({ json: { name: 'e1', model: 'resnet', version: 3 } }), status: 404, code: 'NOT_FOUND' },
  { name: 'unknown endpoint', method: 'GET', path: '/endpoints/nope', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'revoke of an unknown token', method: 'DELETE', path: '/tokens/nope', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'unknown API route', method: 'GET', path: '/no-such-thing', call: asAdmin(), status: 404, code: 'NOT_FOUND' },
  { name: 'missing token on a read', method: 'GET', path: '/models', call: () => ({}), status: 401, code: 'UNAUTHORIZED' },
  { name: 'missing token on a change', method: 'POST', path: '/models', call: () => ({ json: { name: 'fresh' } }), status: 401, code: 'UNAUTHORIZED' },
  { name: 'unknown bearer token', method: 'POST', path: '/models', call: () => ({ token: `slw_${'0'.repeat(40)}`, json: { name: 'fresh' } }), status: 401, code: 'UNAUTHORIZED' },
  { name: 'malformed Authorization header', method: 'GET', path: '/models', call: () => ({ headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), status: 401, code: 'UNAUTHORIZED' },
  { name: 'forged session cookie', method: 'GET', path: '/auth/me', call: () => ({ cookie: 'slipway_session=forged' }), status: 401, code: 'UNAUTHORIZED' },
  { name: 'wrong login token', method: 'POST', path: '/auth/login', call: () => ({ json: { token: 'slw_wrong' } }), status: 401, code: 'UNAUTHORIZED', records: 'auth.sign-in-failed' },
  { name: 'viewer creating a model', method: 'POST', path: '/models', call: () => ({ token: creds.viewer, json: { name: 'fresh' } }), status: 403, code: 'FORBIDDEN' },
  { name: 'viewer archiving a model', method: 'POST', path: '/models/resnet/archive', call: () => ({ token: creds.viewer }), status: 403, code: 'FORBIDDEN' },
  { name: 'deployer deleting a model', method: 'DELETE', path: '/models/resnet', call: () => ({ token: creds.deployer }), status: 403, code: 'FORBIDDEN' },
  { name: 'deployer listing tokens', method: 'GET', path: '/tokens', call: () => ({ token: creds.deployer }), status: 403, code: 'FORBIDDEN' },
  { name: 'deployer creating an admin token', method: 'POST', path: '/tokens', call: () => ({ token: creds.deployer, json: { name: 'x', role: 'admin' } }), status: 403, code: 'FORBIDDEN' },
  { name: 'cross-site cookie mutation', method: 'POST', path: '/models', call: () => ({ cookie: creds.cookie, origin: 'https://evil.example', json: { name: 'fresh' } }), status: 403, code: 'FORBIDDEN' },
  { name: 'cookie mutation without Origin', method: 'DELETE', path: '/models/resnet', call: () => ({ cookie: creds.cookie, json: undefined }), status: 403, code: 'FORBIDDEN' },
  { name: 'cookie mutation from another port', method: 'PATCH', path: '/models/resnet', call: () => ({ cookie: creds.cookie, origin: plane.baseUrl.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`), json: { description: 'pwned' } }), status: 403, code: 'FORBIDDEN' },
  { name: 'cross-site login', method: 'POST', path: '/auth/login', call: () => ({ origin: 'https://evil.example', json: { token: plane.adminToken } }), status: 403, code: 'FORBIDDEN' },
];

describe('bad input', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const before = await snapshot(plane, ['resnet']);
    const reply = await call(plane, row.method, row.path, row.call({ token: plane.adminToken }));
    expectError(reply, row.status, row.code);
    if (row.issues) {
      const paths = ((reply.body as { error: { issues?: { path: string }[] } }).error.issues ?? []).map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(row.issues));
    }
    const after = (await snapshot(plane, ['resnet'])) as { audit: { items: unknown[] } };
    if (row.records) {
      const [recorded, ...rest] = after.audit.items;
      expect(recorded).toMatchObject({ action: row.records, actor: 'anonymous' });
      expect({ ...after, audit: { ...after.audit, items: rest } }).toEqual(before);
    } else {
      expect(after).toEqual(before);
    }
  });

  it('still accepts the same-origin cookie mutation the rows above refuse', async () => {
    const reply = await call(plane, 'PATCH', '/models/resnet', { cookie: creds.cookie, origin: plane.baseUrl, json: { description: 'edited in the browser' } });
    expect(reply.status).toBe(200);
    expect(reply.body.description).toBe('edited in the browser');
  });

  it('never discloses internals in an error message', async () => {
    const reply = await call(plane, 'POST', '/models', { token: plane.adminToken, ...raw('{"name":')({}) });
    expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(ts|js):\d+|SyntaxError|sqlite/i);
  });
});
