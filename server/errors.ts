/**
 * The one error vocabulary of the control plane. Services throw `AppError`; the HTTP layer maps
 * each code to a status through `statusOf`, a total table, so an illegal transition can never
 * surface as a 500 and `INTERNAL` never leaks a message or stack.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'TOO_MANY_REQUESTS',
  'UNAVAILABLE',
  'INSUFFICIENT_STORAGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
  INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** One field-level problem, as zod reports it (`path` joined with dots). */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** Shared by every copy of this module (see `AppError[Symbol.hasInstance]`). */
const APP_ERROR_BRAND = Symbol.for('slipway.AppError');

export class AppError extends Error {
  readonly [APP_ERROR_BRAND] = true;

  /**
   * Next.js bundles route handlers with their own copy of this module, while services run the
   * composition root's copy: `instanceof` checks a brand both copies share, not class identity.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true;
  }

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Sent as `Retry-After` (429, 503): when trying again may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** The wire envelope: `{ "error": { "code", "message", "issues"? } }`. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[] };
}

export const STORAGE_FULL_MESSAGE = 'the data volume is full';

/** What SQLite and the file system say when a write finds no room (a quota counts as none). */
const STORAGE_FULL_CODES: ReadonlySet<unknown> = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/** A write that failed for want of space, however deep a wrapper (drizzle's) put it. */
export function isStorageFull(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (STORAGE_FULL_CODES.has((e as { code?: unknown }).code)) return true;
  }
  return false;
}

export function toEnvelope(thrown: unknown): { status: number; body: ErrorEnvelope; retryAfterSeconds?: number } {
  const err = isStorageFull(thrown) && !(thrown instanceof AppError) ? new AppError('INSUFFICIENT_STORAGE', STORAGE_FULL_MESSAGE) : thrown;
  if (err instanceof AppError) {
    const body: ErrorEnvelope = { error: { code: err.code, message: err.message } };
    if (err.issues?.length) body.error.issues = err.issues;
    const status = statusOf(err.code);
    return err.retryAfterSeconds === undefined ? { status, body } : { status, body, retryAfterSeconds: err.retryAfterSeconds };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } };
}
