/** Tests only: a fresh in-memory database with the real, committed migrations applied. */
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type Db } from '../db/client';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations', import.meta.url));

export function openTestDatabase(): Db {
  const db = openDatabase(':memory:');
  migrate(db, MIGRATIONS_DIR);
  return db;
}
