import { describe, expect, it } from 'vitest';
import { AppError, toEnvelope } from './errors';

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
