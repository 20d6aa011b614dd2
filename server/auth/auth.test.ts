import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiTokens, sessions } from '../../db/schema';
import { listAudit } from '../audit';
import { codeOf, makeTestDeps, type TestDeps } from '../../testing/services';
import { authenticateBearer, authenticateSession, bootstrapAdmin, createToken, listTokens, login, logout, planAdminBootstrap, revokeToken, SESSION_MAX_AGE_SECONDS } from '.';
import { hashSecret } from './secrets';

let clockMs = Date.UTC(2026, 0, 1);
const now = () => new Date(clockMs);
let deps: TestDeps;
beforeEach(() => {
  clockMs = Date.UTC(2026, 0, 1);
  deps = makeTestDeps({}, now);
});
afterEach(() => deps.cleanup());

describe('API tokens', () => {
  it('returns the secret once and stores only its hash', () => {
    const { token, secret } = createToken(deps, { name: 'ci', role: 'deployer' }, 'root');
    expect(secret).toMatch(/^slw_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'ci', role: 'deployer', createdBy: 'root', lastUsedAt: null, prefix: secret.slice(0, 12) });
    const rows = deps.db.select().from(apiTokens).all();
    expect(rows[0]?.secretHash).toBe(hashSecret(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(listTokens(deps).map((t) => t.name)).toEqual(['ci']);
    expect(listAudit(deps.db, { limit: 1 }).items[0]).toMatchObject({ actor: 'root', action: 'token.create', target: `token/${token.id}` });
  });

  it('authenticates a bearer secret and throttles lastUsedAt writes', () => {
    const { token, secret } = createToken(deps, { name: 'ci', role: 'viewer' }, 'root');
    expect(authenticateBearer(deps, secret)).toEqual({ tokenId: token.id, name: 'ci', role: 'viewer' });
    const first = listTokens(deps)[0]?.lastUsedAt;
    expect(first).toBe(now().toISOString());
    clockMs += 10_000;
    authenticateBearer(deps, secret);
    expect(listTokens(deps)[0]?.lastUsedAt).toBe(first);
    clockMs += 60_000;
    authenticateBearer(deps, secret);
    expect(listTokens(deps)[0]?.lastUsedAt).toBe(now().toISOString());
  });

  it.each(['', 'slw_', 'slw_wrong', 'Bearer slw_x', 'not-a-token'])('rejects %j', (secret) => {
    createToken(deps, { name: 'ci', role: 'viewer' }, 'root');
    expect(authenticateBearer(deps, secret)).toBeNull();
  });

  it('authenticates even when the lastUsedAt write fails (a full or read-only database)', () => {
    const { token, secret } = createToken(deps, { name: 'ci', role: 'viewer' }, 'root');
    deps.db.$client.pragma('query_only = ON');
    try {
      expect(authenticateBearer(deps, secret)).toEqual({ tokenId: token.id, name: 'ci', role: 'viewer' });
    } finally {
      deps.db.$client.pragma('query_only = OFF');
    }
    expect(listTokens(deps)[0]?.lastUsedAt).toBeNull();
  });

  it('rejects duplicate names and bad input', () => {
    createToken(deps, { name: 'ci', role: 'viewer' }, 'root');
    expect(codeOf(() => createToken(deps, { name: 'ci', role: 'admin' }, 'root'))).toBe('CONFLICT');
    expect(codeOf(() => createToken(deps, { name: 'x', role: 'root' as never }, 'root'))).toBe('VALIDATION');
  });
});

describe('sessions', () => {
  it('logs in with a token, stores only the session hash, and expires after 12 h', () => {
    const { secret } = createToken(deps, { name: 'alice', role: 'admin' }, 'root');
    const s = login(deps, secret);
    expect(s.maxAgeSeconds).toBe(SESSION_MAX_AGE_SECONDS);
    expect(s.principal).toMatchObject({ name: 'alice', role: 'admin' });
    expect(deps.db.select().from(sessions).all()[0]?.secretHash).toBe(hashSecret(s.sessionSecret));
    expect(authenticateSession(deps, s.sessionSecret)).toEqual(s.principal);
    expect(listAudit(deps.db, { limit: 1 }).items[0]).toMatchObject({ actor: 'alice', action: 'session.create' });
    clockMs += SESSION_MAX_AGE_SECONDS * 1000 - 1;
    expect(authenticateSession(deps, s.sessionSecret)).not.toBeNull();
    clockMs += 1;
    expect(authenticateSession(deps, s.sessionSecret)).toBeNull();
  });

  it('refuses a bad token with UNAUTHORIZED', () => {
    expect(codeOf(() => login(deps, 'slw_nope'))).toBe('UNAUTHORIZED');
  });

  it('logout ends the session; revoking the token ends all of its sessions', () => {
    createToken(deps, { name: 'root', role: 'admin' }, 'system');
    const { token, secret } = createToken(deps, { name: 'alice', role: 'admin' }, 'root');
    const a = login(deps, secret);
    const b = login(deps, secret);
    logout(deps, a.sessionSecret);
    expect(authenticateSession(deps, a.sessionSecret)).toBeNull();
    expect(authenticateSession(deps, b.sessionSecret)).not.toBeNull();
    revokeToken(deps, token.id, 'root');
    expect(authenticateSession(deps, b.sessionSecret)).toBeNull();
    expect(authenticateBearer(deps, secret)).toBeNull();
    expect(deps.db.select().from(sessions).all()).toEqual([]);
    expect(listAudit(deps.db, { limit: 1 }).items[0]).toMatchObject({ actor: 'root', action: 'token.revoke', target: `token/${token.id}` });
  });

  it('will not revoke the last admin token, nor a missing one', () => {
    const { token } = createToken(deps, { name: 'only', role: 'admin' }, 'system');
    expect(codeOf(() => revokeToken(deps, token.id, 'only'))).toBe('CONFLICT');
    expect(codeOf(() => revokeToken(deps, 'tok_missing', 'only'))).toBe('NOT_FOUND');
  });
});

describe('admin bootstrap', () => {
  it.each([
    ['fresh database, nothing configured', { configuredHash: undefined, existingAdmin: undefined, tokenCount: 0 }, 'generate'],
    ['tokens exist, nothing configured', { configuredHash: undefined, existingAdmin: undefined, tokenCount: 2 }, 'keep'],
    ['configured, no admin token', { configuredHash: 'h', existingAdmin: undefined, tokenCount: 3 }, 'create'],
    ['configured and unchanged', { configuredHash: 'h', existingAdmin: { secretHash: 'h', role: 'admin' }, tokenCount: 1 }, 'keep'],
    ['configured secret changed', { configuredHash: 'h2', existingAdmin: { secretHash: 'h', role: 'admin' }, tokenCount: 1 }, 'rotate'],
    ['admin token demoted', { configuredHash: 'h', existingAdmin: { secretHash: 'h', role: 'viewer' }, tokenCount: 1 }, 'rotate'],
  ] as const)('%s → %s', (_n, state, step) => {
    expect(planAdminBootstrap(state)).toBe(step);
  });

  it('generates once on a fresh database, then keeps', () => {
    const first = bootstrapAdmin(deps);
    expect(first.step).toBe('generate');
    expect(authenticateBearer(deps, first.generatedSecret ?? '')).toMatchObject({ name: 'admin', role: 'admin' });
    expect(bootstrapAdmin(deps)).toEqual({ step: 'keep' });
  });

  it('rotates to a changed configured secret and ends the old sessions', () => {
    const a = `slw_${'a'.repeat(30)}`;
    const b = `slw_${'b'.repeat(30)}`;
    deps.config.adminToken = a;
    expect(bootstrapAdmin(deps).step).toBe('create');
    const session = login(deps, a);
    deps.config.adminToken = b;
    expect(bootstrapAdmin(deps).step).toBe('rotate');
    expect(authenticateBearer(deps, a)).toBeNull();
    expect(authenticateBearer(deps, b)).toMatchObject({ name: 'admin', role: 'admin' });
    expect(authenticateSession(deps, session.sessionSecret)).toBeNull();
    expect(listTokens(deps)).toHaveLength(1);
  });
});
