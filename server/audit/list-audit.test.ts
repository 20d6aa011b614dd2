import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestDeps, type TestDeps } from '../../testing/services';
import { listAudit, recordAudit } from '.';

let deps: TestDeps;
beforeEach(() => {
  deps = makeTestDeps();
  const at = new Date(Date.UTC(2026, 0, 1));
  for (let i = 1; i <= 5; i++) {
    recordAudit(deps.db, { actor: i % 2 ? 'alice' : 'bob', action: i <= 3 ? 'model.create' : 'model.delete', target: `model/m${i}`, details: { i }, at });
  }
});
afterEach(() => deps.cleanup());

const targets = (q: Parameters<typeof listAudit>[1]) => listAudit(deps.db, q).items.map((e) => e.target);

describe('listAudit', () => {
  it.each([
    [{ limit: 50 }, ['model/m5', 'model/m4', 'model/m3', 'model/m2', 'model/m1']],
    [{ limit: 50, actor: 'bob' }, ['model/m4', 'model/m2']],
    [{ limit: 50, action: 'model.delete' }, ['model/m5', 'model/m4']],
    [{ limit: 50, target: 'model/m3' }, ['model/m3']],
    [{ limit: 50, actor: 'alice', action: 'model.create' }, ['model/m3', 'model/m1']],
    [{ limit: 50, actor: 'nobody' }, []],
    [{ limit: 50, cursor: 'garbage' }, []],
  ])('%j → newest first %j', (q, expected) => {
    expect(targets(q)).toEqual(expected);
  });

  it.each([
    [{ from: '2026-01-02T00:00:00.000Z' }, ['model/jan3', 'model/jan2']],
    [{ to: '2026-01-02T00:00:00.000Z' }, ['model/m5', 'model/m4', 'model/m3', 'model/m2', 'model/m1']],
    [{ from: '2026-01-02T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' }, ['model/jan2']],
    [{ from: '2026-01-04T00:00:00.000Z' }, []],
  ])('a time window %j → %j (from inclusive, to exclusive)', (window, expected) => {
    recordAudit(deps.db, { actor: 'carol', action: 'model.update', target: 'model/jan2', details: {}, at: new Date(Date.UTC(2026, 0, 2)) });
    recordAudit(deps.db, { actor: 'carol', action: 'model.update', target: 'model/jan3', details: {}, at: new Date(Date.UTC(2026, 0, 3)) });
    expect(targets({ limit: 50, ...window })).toEqual(expected);
  });

  it('rejects a window bound that is not an ISO time', () => {
    expect(() => listAudit(deps.db, { limit: 50, from: 'yesterday' })).toThrow();
  });

  it('pages with a cursor until nextCursor is null', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = listAudit(deps.db, { limit: 2, cursor });
      seen.push(...page.items.map((e) => e.target));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['model/m5', 'model/m4', 'model/m3', 'model/m2', 'model/m1']);
  });

  it('returns details and an ISO time', () => {
    expect(listAudit(deps.db, { limit: 1 }).items[0]).toMatchObject({ details: { i: 5 }, at: '2026-01-01T00:00:00.000Z', actor: 'alice' });
  });
});
