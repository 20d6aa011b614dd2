/**
 * Opens the SQLite database through drizzle and applies the committed migrations. The pragmas are
 * the project's invariants: WAL for concurrent readers, foreign keys enforced, a busy timeout so a
 * second connection waits instead of failing, NORMAL sync (safe with WAL).
 */
import Database from 'better-sqlite3';
import { closeSync, fchmodSync, openSync } from 'node:fs';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as runMigrations } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What `db.transaction` hands its callback; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** SQLite gives the -wal and -shm files the database file's mode: owner-only makes all three so. */
const DATABASE_FILE_MODE = 0o600;

export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    const fd = openSync(file, 'a', DATABASE_FILE_MODE);
    fchmodSync(fd, DATABASE_FILE_MODE);
    closeSync(fd);
  }
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

/** `migrationsFolder` is absolute, computed by the caller (never from this module's URL). */
export function migrate(db: Db, migrationsFolder: string): void {
  runMigrations(db, { migrationsFolder });
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}

export { schema };
