/**
 * A route contract: everything the HTTP layer and the OpenAPI document need to know about one
 * route. `withRoute` enforces it and `server/openapi` describes it from the same object, so the
 * document cannot drift from what the handlers accept.
 */
import type { z } from 'zod';
import type { Role } from '../auth/schemas';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Access = Role | 'public';
export type AnyObject = z.ZodObject;

/** A JSON body parsed by `withRoute`, or a streamed upload the handler reads itself. */
export type BodySpec = { kind: 'json'; schema: z.ZodType } | { kind: 'upload' };

export interface ResponseSpec {
  status: 200 | 201 | 204;
  description: string;
  /** JSON by default; the artifact route answers raw bytes. */
  contentType?: 'application/json' | 'application/octet-stream';
  schema?: z.ZodType;
}

export interface RouteContract<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends BodySpec | undefined = BodySpec | undefined,
  A extends Access = Access,
> {
  operationId: string;
  method: Method;
  /** Below `/api/v1`, OpenAPI style: `/models/{model}`. */
  path: string;
  access: A;
  summary: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: B;
  response: ResponseSpec;
  /** Route-specific failure statuses beyond those implied by auth and parsing (409, 413, 422…). */
  errors?: number[];
}

/** Identity with inference: keeps each contract's schema types for its handler. */
export function defineRoute<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  B extends BodySpec | undefined = undefined,
  A extends Access = Access,
>(contract: RouteContract<P, Q, B, A>): RouteContract<P, Q, B, A> {
  return contract;
}

/** The failure statuses a route can answer: implied by its contract plus its own. */
export function errorStatuses(contract: RouteContract): number[] {
  const statuses = new Set<number>(contract.errors ?? []);
  if (contract.params || contract.query || contract.body) statuses.add(400);
  if (contract.access !== 'public') {
    statuses.add(401);
    statuses.add(403);
  }
  if (contract.params) statuses.add(404);
  if (contract.body) statuses.add(415);
  // Any write may find the data volume full.
  if (contract.method !== 'GET') statuses.add(507);
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}
