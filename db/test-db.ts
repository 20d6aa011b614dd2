/** Tests only: a fresh in-memory database with the real, committed migrations applied. */
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type Db } from './client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export function openTestDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db, MIGRATIONS_DIR);
  return db;
}
