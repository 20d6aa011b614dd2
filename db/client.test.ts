import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrate, openDatabase } from './client';
import { models } from './schema';
import { MIGRATIONS_DIR, openTestDatabase } from '../testing/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase + migrate', () => {
  it('creates every table of the data model', () => {
    const db = openTestDatabase();
    const names = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'")
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    expect(names).toEqual([
      'api_tokens',
      'audit_events',
      'endpoint_scales',
      'endpoints',
      'metric_rollups',
      'model_versions',
      'models',
      'rollouts',
      'runtime_instances',
      'sessions',
      'tunings',
    ]);
  });

  it('enforces foreign keys', () => {
    const db = openTestDatabase();
    expect(() =>
      db.$client
        .prepare("INSERT INTO sessions (id, token_id, secret_hash, created_at, expires_at) VALUES ('s', 'missing', 'h', 0, 0)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('uses WAL on a file and migrating twice is a no-op', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-db-'));
    dirs.push(dir);
    const file = join(dir, 'test.db');
    const db = openDatabase(file);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    migrate(db, MIGRATIONS_DIR);
    db.insert(models).values({ name: 'm', tags: [], createdBy: 't', createdAt: new Date(), updatedAt: new Date() }).run();
    closeDatabase(db);
    const again = openDatabase(file);
    migrate(again, MIGRATIONS_DIR);
    expect(again.select().from(models).all()).toHaveLength(1);
    closeDatabase(again);
  });

  it.each([
    ['a new database', false],
    ['one an earlier version left world-readable', true],
  ])('keeps %s and its -wal and -shm owner-only, whatever the umask', (_name, existing) => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-db-'));
    dirs.push(dir);
    const file = join(dir, 'test.db');
    if (existing) {
      writeFileSync(file, '');
      chmodSync(file, 0o644);
    }
    const umask = process.umask(0o022);
    try {
      const db = openDatabase(file);
      migrate(db, MIGRATIONS_DIR);
      const modes = ['', '-wal', '-shm'].map((suffix) => statSync(`${file}${suffix}`).mode & 0o777);
      closeDatabase(db);
      expect(modes).toEqual([0o600, 0o600, 0o600]);
    } finally {
      process.umask(umask);
    }
  });
});
