import { describe, expect, it } from 'vitest';
import { AppError, isStorageFull, STORAGE_FULL_MESSAGE, toEnvelope } from './errors';

describe('AppError across module copies', () => {
  it('a second copy of errors.ts (as Next.js bundles one) recognises our errors and vice versa', async () => {
    const specifier = './errors.ts?second-copy';
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import('./errors');
    expect(copy.AppError).not.toBe(AppError);
    expect(new AppError('NOT_FOUND', 'gone') instanceof copy.AppError).toBe(true);
    expect(copy.toEnvelope(new AppError('NOT_FOUND', 'gone'))).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'gone' } } });
    expect(toEnvelope(new copy.AppError('CONFLICT', 'taken')).status).toBe(409);
  });

  it('plain errors stay INTERNAL and leak nothing', () => {
    expect(new Error('x') instanceof AppError).toBe(false);
    expect(toEnvelope(new Error('secret detail'))).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } });
  });

  it('carries a Retry-After hint only when one was given', () => {
    expect(toEnvelope(new AppError('TOO_MANY_REQUESTS', 'slow down', undefined, 42))).toEqual({
      status: 429,
      body: { error: { code: 'TOO_MANY_REQUESTS', message: 'slow down' } },
      retryAfterSeconds: 42,
    });
    expect(toEnvelope(new AppError('METHOD_NOT_ALLOWED', 'no')).status).toBe(405);
    expect(toEnvelope(new AppError('METHOD_NOT_ALLOWED', 'no'))).not.toHaveProperty('retryAfterSeconds');
  });
});

describe('a full data volume', () => {
  const coded = (code: string, message = 'detail with /srv/data/slipway.db') => Object.assign(new Error(message), { code });
  const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: update "api_tokens" set …'), { cause });

  it.each([
    ['SQLite out of space', coded('SQLITE_FULL'), true],
    ['the disk out of space on an upload', coded('ENOSPC'), true],
    ['a disk quota exhausted', coded('EDQUOT'), true],
    ["SQLite's error inside drizzle's wrapper", wrapped(coded('SQLITE_FULL')), true],
    ['another SQLite error', coded('SQLITE_CONSTRAINT_UNIQUE'), false],
    ['another file system error', coded('EACCES'), false],
    ['a plain error', new Error('x'), false],
    ['not an error at all', 'SQLITE_FULL', false],
    ['a cycle of causes', (() => { const e: { code?: string; cause?: unknown } = {}; e.cause = e; return e; })(), false],
  ])('%s → %s', (_name, err, full) => {
    expect(isStorageFull(err)).toBe(full);
    expect(toEnvelope(err).status).toBe(full ? 507 : 500);
  });

  it('answers 507 with a plain message and no detail of the failed write', () => {
    expect(toEnvelope(wrapped(coded('SQLITE_FULL')))).toEqual({ status: 507, body: { error: { code: 'INSUFFICIENT_STORAGE', message: STORAGE_FULL_MESSAGE } } });
  });

  it('leaves an AppError as it was, whatever its cause', () => {
    expect(toEnvelope(Object.assign(new AppError('CONFLICT', 'taken'), { code: 'CONFLICT', cause: coded('ENOSPC') })).status).toBe(409);
  });
});
