import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rollouts } from '../../db/schema';
import { createEndpoint, getEndpoint } from '../endpoints';
import { createModel } from '../registry';
import { insertVersionFixture, makeTestDeps, refusalOf, type TestDeps } from '../../testing/services';
import { actOnRollout, getRollout, rollbackEndpoint, startRollout } from '.';

let deps: TestDeps;
beforeEach(() => {
  deps = makeTestDeps();
  createModel(deps, { name: 'cls' }, 'alice');
  createModel(deps, { name: 'other' }, 'alice');
  insertVersionFixture(deps, 'cls', 1);
  insertVersionFixture(deps, 'cls', 2);
  insertVersionFixture(deps, 'cls', 3, 'archived');
  insertVersionFixture(deps, 'other', 1);
  createEndpoint(deps, { name: 'ep', model: 'cls', version: 1 }, 'alice');
});
afterEach(() => deps.cleanup());

const canary = (over: Record<string, unknown> = {}) => ({ version: 2, strategy: 'canary', steps: [{ weightPct: 10, pauseSeconds: 30 }, { weightPct: 50 }], ...over });

describe('startRollout', () => {
  it('writes a starting rollout with the defaults applied, the stable version it replaces, and an audit event', () => {
    const r = startRollout(deps, 'ep', canary(), 'alice');
    expect(r).toMatchObject({ endpoint: 'ep', candidateVersion: 2, stableVersion: 1, strategy: 'canary', phase: 'starting', weightPct: 0, startedBy: 'alice' });
    expect(r.spec).toMatchObject({ stickyHeader: 'x-slipway-route-key', analysis: { intervalSeconds: 10, failureLimit: 1 }, readyTimeoutSeconds: 180 });
    expect(deps.db.select().from(rollouts).all()).toHaveLength(1);
  });

  it.each([
    { name: 'unknown endpoint', endpoint: 'nope', input: canary(), code: 'NOT_FOUND' },
    { name: 'unknown version', endpoint: 'ep', input: canary({ version: 9 }), code: 'NOT_FOUND' },
    { name: 'a version of another model', endpoint: 'ep', input: canary({ model: 'other', version: 1 }), code: 'VALIDATION' },
    { name: 'an archived version', endpoint: 'ep', input: canary({ version: 3 }), code: 'CONFLICT' },
    { name: 'the version already stable', endpoint: 'ep', input: canary({ version: 1 }), code: 'CONFLICT' },
    { name: 'a weight above 100', endpoint: 'ep', input: canary({ steps: [{ weightPct: 101 }] }), code: 'VALIDATION' },
    { name: 'a negative weight', endpoint: 'ep', input: canary({ steps: [{ weightPct: -1 }] }), code: 'VALIDATION' },
    { name: 'weights that do not increase', endpoint: 'ep', input: canary({ steps: [{ weightPct: 50 }, { weightPct: 50 }] }), code: 'VALIDATION' },
    { name: 'no steps', endpoint: 'ep', input: canary({ steps: [] }), code: 'VALIDATION' },
    { name: 'an unknown strategy', endpoint: 'ep', input: { version: 2, strategy: 'big-bang' }, code: 'VALIDATION' },
    { name: 'an unknown field', endpoint: 'ep', input: canary({ turbo: true }), code: 'VALIDATION' },
    { name: 'a mirror share above 100', endpoint: 'ep', input: { version: 2, strategy: 'shadow', mirrorPct: 150 }, code: 'VALIDATION' },
  ])('refuses $name with $code and starts nothing', ({ endpoint, input, code }) => {
    expect(refusalOf(() => startRollout(deps, endpoint, input, 'alice'))?.code).toBe(code);
    expect(deps.db.select().from(rollouts).all()).toEqual([]);
  });

  it('refuses a second rollout while one is active, naming it', () => {
    const first = startRollout(deps, 'ep', canary(), 'alice');
    expect(refusalOf(() => startRollout(deps, 'ep', { version: 2, strategy: 'blue-green' }, 'bob'))).toEqual({
      code: 'CONFLICT',
      message: `Endpoint "ep" already has rollout ${first.id} (starting)`,
    });
  });

  it('allows a new rollout once the previous one ended', () => {
    const first = startRollout(deps, 'ep', canary(), 'alice');
    actOnRollout(deps, first.id, 'abort', 'alice');
    expect(startRollout(deps, 'ep', canary(), 'alice').phase).toBe('starting');
  });
});

describe('rollbackEndpoint', () => {
  it('refuses when nothing was promoted', () => {
    expect(refusalOf(() => rollbackEndpoint(deps, 'ep', 'alice'))?.code).toBe('CONFLICT');
    const r = startRollout(deps, 'ep', canary(), 'alice');
    actOnRollout(deps, r.id, 'abort', 'alice');
    expect(refusalOf(() => rollbackEndpoint(deps, 'ep', 'alice'))).toEqual({ code: 'CONFLICT', message: `The latest rollout (${r.id}) is aborted: there is no promotion to roll back` });
  });

  it('returns the endpoint to the replaced version after a promotion', () => {
    const r = startRollout(deps, 'ep', { version: 2, strategy: 'blue-green' }, 'alice');
    // Promotion needs a ready candidate; mark the rollout progressing as the controller would.
    deps.db.update(rollouts).set({ phase: 'progressing' }).run();
    expect(actOnRollout(deps, r.id, 'promote', 'alice')).toMatchObject({ phase: 'succeeded', weightPct: 100 });
    expect(getRollout(deps, r.id).scaleDownAt).not.toBeNull();
    expect(getEndpoint(deps, 'ep').version).toBe(2);
    expect(rollbackEndpoint(deps, 'ep', 'bob')).toMatchObject({ phase: 'rolled-back', message: 'rolled back to version 1 by bob' });
    expect(getEndpoint(deps, 'ep').version).toBe(1);
    expect(refusalOf(() => rollbackEndpoint(deps, 'ep', 'bob'))?.code).toBe('CONFLICT');
  });
});
