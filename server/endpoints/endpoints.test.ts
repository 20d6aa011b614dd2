import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { archiveVersion, createModel, deleteModel, getModel } from '../registry';
import { codeOf, insertVersionFixture, makeTestDeps, type TestDeps } from '../../testing/services';
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, updateEndpoint } from '.';

let deps: TestDeps;
beforeEach(() => {
  deps = makeTestDeps();
  createModel(deps, { name: 'cls' }, 'alice');
  insertVersionFixture(deps, 'cls', 1);
  insertVersionFixture(deps, 'cls', 2);
  insertVersionFixture(deps, 'cls', 3, 'archived');
});
afterEach(() => deps.cleanup());

describe('createEndpoint', () => {
  it('stores the desired state with the default config and audits it', () => {
    const e = createEndpoint(deps, { name: 'ep', model: 'cls', version: 1 }, 'alice');
    expect(e).toMatchObject({ name: 'ep', model: 'cls', version: 1, createdBy: 'alice' });
    expect(e.config.maxBatchSize).toBe(32);
    expect(getEndpoint(deps, 'ep')).toEqual(e);
    expect(listEndpoints(deps).items.map((x) => x.name)).toEqual(['ep']);
    expect(listAudit(deps.db, { limit: 5 }).items[0]).toMatchObject({ actor: 'alice', action: 'endpoint.create', target: 'endpoint/ep' });
  });

  it.each([
    ['unknown model', { name: 'ep', model: 'nope', version: 1 }, 'NOT_FOUND'],
    ['unknown version', { name: 'ep', model: 'cls', version: 9 }, 'NOT_FOUND'],
    ['archived version', { name: 'ep', model: 'cls', version: 3 }, 'CONFLICT'],
    ['bad name', { name: 'EP', model: 'cls', version: 1 }, 'VALIDATION'],
    ['unknown config key', { name: 'ep', model: 'cls', version: 1, config: { turbo: true } }, 'VALIDATION'],
    ['config out of bounds', { name: 'ep', model: 'cls', version: 1, config: { replicas: 99 } }, 'VALIDATION'],
  ])('%s → %s and nothing written', (_n, input, code) => {
    expect(codeOf(() => createEndpoint(deps, input as never, 'alice'))).toBe(code);
    expect(listEndpoints(deps).items).toEqual([]);
  });

  it('rejects a duplicate name', () => {
    createEndpoint(deps, { name: 'ep', model: 'cls', version: 1 }, 'alice');
    expect(codeOf(() => createEndpoint(deps, { name: 'ep', model: 'cls', version: 2 }, 'alice'))).toBe('CONFLICT');
  });
});

describe('updateEndpoint', () => {
  beforeEach(() => {
    createEndpoint(deps, { name: 'ep', model: 'cls', version: 1, config: { replicas: 2, cache: { enabled: true } } }, 'alice');
  });

  it('merges the config over the current one, cache field by field', () => {
    const e = updateEndpoint(deps, 'ep', { config: { maxBatchSize: 8, cache: { maxBytes: 1024 } } }, 'bob');
    expect(e.config).toMatchObject({ replicas: 2, maxBatchSize: 8, cache: { enabled: true, maxBytes: 1024 } });
    expect(e.version).toBe(1);
  });

  it('checks the merged result, not only the patch', () => {
    updateEndpoint(deps, 'ep', { config: { preferredBatchSizes: [16] } }, 'bob');
    expect(codeOf(() => updateEndpoint(deps, 'ep', { config: { maxBatchSize: 8 } }, 'bob'))).toBe('VALIDATION');
    expect(getEndpoint(deps, 'ep').config.maxBatchSize).toBe(32);
  });

  it('changes the version to another ready one of the same model', () => {
    expect(updateEndpoint(deps, 'ep', { version: 2 }, 'bob').version).toBe(2);
    expect(codeOf(() => updateEndpoint(deps, 'ep', { version: 3 }, 'bob'))).toBe('CONFLICT');
    expect(codeOf(() => updateEndpoint(deps, 'ep', { version: 9 }, 'bob'))).toBe('NOT_FOUND');
    expect(listAudit(deps.db, { limit: 1, action: 'endpoint.update' }).items[0]?.details).toMatchObject({ fromVersion: 1, version: 2 });
  });

  it('NOT_FOUND for a missing endpoint', () => {
    expect(codeOf(() => updateEndpoint(deps, 'nope', {}, 'bob'))).toBe('NOT_FOUND');
  });
});

describe('serving protects models and versions', () => {
  it('refuses to delete a model or archive a version while an endpoint serves it, then allows it', () => {
    createEndpoint(deps, { name: 'ep', model: 'cls', version: 1 }, 'alice');
    expect(codeOf(() => deleteModel(deps, 'cls', 'admin'))).toBe('CONFLICT');
    expect(codeOf(() => archiveVersion(deps, 'cls', 1, 'admin'))).toBe('CONFLICT');
    expect(getModel(deps, 'cls').versionCount).toBe(3);
    deleteEndpoint(deps, 'ep', 'alice');
    expect(codeOf(() => getEndpoint(deps, 'ep'))).toBe('NOT_FOUND');
    deleteModel(deps, 'cls', 'admin');
    expect(codeOf(() => getModel(deps, 'cls'))).toBe('NOT_FOUND');
    expect(listAudit(deps.db, { limit: 2 }).items.map((e) => e.action)).toEqual(['model.delete', 'endpoint.delete']);
  });
});
