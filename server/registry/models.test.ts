import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { codeOf, makeTestDeps, type TestDeps } from '../../testing/services';
import { archiveModel, createModel, deleteModel, getModel, listModels, updateModel } from '.';

let deps: TestDeps;
beforeEach(() => {
  deps = makeTestDeps();
});
afterEach(() => deps.cleanup());

const page = (q: Partial<Parameters<typeof listModels>[1]> = {}) => listModels(deps, { limit: 50, ...q });

describe('createModel', () => {
  it('creates a model with defaults and records who did it', () => {
    const m = createModel(deps, { name: 'resnet', tags: ['vision', 'vision'] }, 'alice');
    expect(m).toMatchObject({ name: 'resnet', description: '', task: '', tags: ['vision'], status: 'active', createdBy: 'alice', latestVersion: null, versionCount: 0 });
    expect(listAudit(deps.db, { limit: 50 }).items[0]).toMatchObject({ actor: 'alice', action: 'model.create', target: 'model/resnet' });
  });

  it('rejects a duplicate name with CONFLICT and writes nothing', () => {
    createModel(deps, { name: 'resnet' }, 'alice');
    expect(codeOf(() => createModel(deps, { name: 'resnet' }, 'bob'))).toBe('CONFLICT');
    expect(listAudit(deps.db, { limit: 50 }).items).toHaveLength(1);
  });

  it.each([
    ['a', true],
    ['resnet-50', true],
    ['9lives', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['ResNet', false],
    ['-lead', false],
    ['trail-', false],
    ['under_score', false],
    ['dot.name', false],
  ])('name %j valid: %s', (name, valid) => {
    expect(codeOf(() => createModel(deps, { name }, 'alice'))).toBe(valid ? undefined : 'VALIDATION');
  });

  it('rejects unknown keys', () => {
    expect(codeOf(() => createModel(deps, { name: 'x', owner: 'me' } as never, 'alice'))).toBe('VALIDATION');
  });
});

describe('update, archive, delete', () => {
  it('updates only the given fields', () => {
    createModel(deps, { name: 'm', description: 'old', task: 'cls' }, 'alice');
    const m = updateModel(deps, 'm', { description: 'new' }, 'bob');
    expect(m).toMatchObject({ description: 'new', task: 'cls' });
    expect(getModel(deps, 'm').description).toBe('new');
  });

  it('NOT_FOUND for a missing model', () => {
    expect(codeOf(() => getModel(deps, 'nope'))).toBe('NOT_FOUND');
    expect(codeOf(() => updateModel(deps, 'nope', {}, 'a'))).toBe('NOT_FOUND');
    expect(codeOf(() => deleteModel(deps, 'nope', 'a'))).toBe('NOT_FOUND');
  });

  it('archives and deletes, each with an audit event', () => {
    createModel(deps, { name: 'm' }, 'alice');
    expect(archiveModel(deps, 'm', 'bob').status).toBe('archived');
    deleteModel(deps, 'm', 'carol');
    expect(codeOf(() => getModel(deps, 'm'))).toBe('NOT_FOUND');
    const actions = listAudit(deps.db, { limit: 50 }).items.map((e) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(['carol:model.delete', 'bob:model.archive', 'alice:model.create']);
  });
});

describe('listModels', () => {
  beforeEach(() => {
    createModel(deps, { name: 'alpha', description: 'Speech model', tags: ['audio'] }, 'a');
    createModel(deps, { name: 'bravo', description: 'Text orientation 100%', tags: ['vision', 'ocr'] }, 'a');
    createModel(deps, { name: 'charlie', description: 'detector', tags: ['vision'] }, 'a');
    archiveModel(deps, 'charlie', 'a');
  });

  it.each([
    [{}, ['alpha', 'bravo', 'charlie']],
    [{ tag: 'vision' }, ['bravo', 'charlie']],
    [{ tag: 'visio' }, []],
    [{ q: 'speech' }, ['alpha']],
    [{ q: 'RAV' }, ['bravo']],
    [{ q: '100%' }, ['bravo']],
    [{ q: '%' }, ['bravo']],
    [{ status: 'archived' as const }, ['charlie']],
    [{ status: 'active' as const, tag: 'vision' }, ['bravo']],
  ])('filter %j → %j', (q, names) => {
    expect(page(q).items.map((m) => m.name)).toEqual(names);
  });

  it('paginates by name with a cursor until the last page', () => {
    const first = page({ limit: 2 });
    expect(first.items.map((m) => m.name)).toEqual(['alpha', 'bravo']);
    expect(first.nextCursor).not.toBeNull();
    const second = page({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((m) => m.name)).toEqual(['charlie']);
    expect(second.nextCursor).toBeNull();
  });
});
