/** Response helpers shared by `withRoute` and the handlers that build their own `Response`. */
import { toEnvelope } from '../errors';

export const NO_STORE = 'no-store';

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = Response.json(body, { status, headers });
  response.headers.set('cache-control', NO_STORE);
  return response;
}

export function noContent(headers?: HeadersInit): Response {
  const response = new Response(null, { status: 204, headers });
  response.headers.set('cache-control', NO_STORE);
  return response;
}

/** Any thrown value → the error envelope; an unexpected one is logged here and never leaked. */
export function errorResponse(err: unknown, where: string): Response {
  const { status, body, retryAfterSeconds } = toEnvelope(err);
  if (status === 500) console.error(`slipway: unhandled error in ${where}:`, err);
  // The operator must hear of a full volume; the client only gets the plain 507.
  else if (status === 507) console.error(`slipway: ${where} failed, the data volume is full:`, err instanceof Error ? err.message : err);
  return json(body, status, retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) });
}
