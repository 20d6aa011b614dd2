/** Parses service input with its wire schema, turning zod issues into one VALIDATION AppError. */
import type { z } from 'zod';
import { AppError } from '../errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid';
  throw new AppError('VALIDATION', `Invalid ${what}: ${summary}`, issues);
}

/** SQLite's unique-constraint failure, the backstop behind the explicit existence checks. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
