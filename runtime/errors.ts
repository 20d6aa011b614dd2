/**
 * Errors the runtime answers with, in Triton's statuses: 400 bad request, 404 unknown
 * model/version, 413 body too large, 503 unavailable (queue full, timed out, draining, not
 * ready), 500 internal. `reason` labels the failure in metrics and stats.
 */
export type FailureReason =
  | 'bad_request'
  | 'not_found'
  | 'too_large'
  | 'queue_full'
  | 'timeout'
  | 'unavailable'
  | 'internal';

const STATUS: Record<FailureReason, number> = {
  bad_request: 400,
  not_found: 404,
  too_large: 413,
  queue_full: 503,
  timeout: 503,
  unavailable: 503,
  internal: 500,
};

export class RuntimeError extends Error {
  readonly status: number;
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'RuntimeError';
    this.status = STATUS[reason];
  }
}

export const badRequest = (message: string) => new RuntimeError('bad_request', message);

/** Any thrown value as a RuntimeError; unknown errors are internal and keep their message. */
export function toRuntimeError(err: unknown): RuntimeError {
  if (err instanceof RuntimeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new RuntimeError('internal', message);
}
