/**
 * `withRoute(contract, handler)`: the one adapter between a Next.js route handler and the control
 * plane. It authenticates, checks the role and the origin, parses params, query and JSON body with
 * the contract's zod schemas, runs the handler and maps its result or error to a response with
 * `Cache-Control: no-store`. Plain Web `Request`/`Response`: server/ never imports next/*.
 */
import { z } from 'zod';
import { hasRole } from '../auth/roles';
import type { Principal } from '../auth/schemas';
import { getServices, type Services } from '../context';
import { AppError } from '../errors';
import type { Access, AnyObject, BodySpec, RouteContract } from './contract';
import { extractCredential } from './credentials';
import { toIssues } from './issues';
import { originAllowed, requestOrigin } from './origin';
import { readJson } from './read-json';
import { errorResponse, json, NO_STORE, noContent } from './responses';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type BodyOut<B> = B extends { kind: 'json'; schema: infer S extends z.ZodType } ? z.output<S> : undefined;

export interface RouteInput<P, Q, B, A extends Access = Access> {
  request: Request;
  services: Services;
  /** Null only on public routes. */
  principal: A extends 'public' ? Principal | null : Principal;
  /** The principal's name, recorded as the actor of audit events. */
  actor: string;
  params: Out<P>;
  query: Out<Q>;
  body: BodyOut<B>;
}

/** A handler returns a value (serialised as JSON with the contract's status) or its own Response. */
export type RouteHandler<P, Q, B, A extends Access> = (input: RouteInput<P, Q, B, A>) => unknown;

/** The handler Next.js calls, tagged with its contract so a test can match files to the table. */
export type NextRouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { contract: RouteContract };

/** Next 16 passes the dynamic segments as a promise. */
export interface RouteContext {
  params: Promise<Record<string, string | string[]>>;
}

function authenticate(request: Request, contract: RouteContract, services: Services): Principal | null {
  const credential = extractCredential(request.headers);
  const cookieAuthenticated = contract.access !== 'public' && credential.kind === 'cookie';
  const origin = request.headers.get('origin');
  if (!originAllowed({ method: request.method, cookieAuthenticated, origin, expectedOrigin: requestOrigin(request.headers, request.url) })) {
    throw new AppError('FORBIDDEN', 'Cross-site request refused: Origin must match this server');
  }
  if (contract.access === 'public') return null;
  let principal: Principal | null = null;
  if (credential.kind === 'bearer') principal = services.auth.authenticateBearer(credential.secret);
  else if (credential.kind === 'cookie') principal = services.auth.authenticateSession(credential.secret);
  if (!principal) {
    throw new AppError('UNAUTHORIZED', credential.kind === 'none' ? 'Authentication required' : 'Invalid or expired credentials');
  }
  if (!hasRole(principal, contract.access)) {
    throw new AppError('FORBIDDEN', `This action needs the ${contract.access} role`);
  }
  return principal;
}

const PART_LABEL = { params: 'path parameters', query: 'query parameters', body: 'request body' } as const;

/** Body issues keep the body's own paths; params and query issues are prefixed with their part. */
function parsePart(schema: z.ZodType | undefined, value: unknown, part: keyof typeof PART_LABEL): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('VALIDATION', `Invalid ${PART_LABEL[part]}`, toIssues(result.error, part === 'body' ? undefined : part));
  }
  return result.data;
}

function finish(result: unknown, contract: RouteContract): Response {
  if (result instanceof Response) {
    if (!result.headers.has('cache-control')) result.headers.set('cache-control', NO_STORE);
    return result;
  }
  return contract.response.status === 204 ? noContent() : json(result, contract.response.status);
}

export function withRoute<
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends BodySpec | undefined,
  A extends Access,
>(contract: RouteContract<P, Q, B, A>, handler: RouteHandler<P, Q, B, A>): NextRouteHandler {
  const where = `${contract.method} ${contract.path}`;
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const services = getServices();
      const principal = authenticate(request, contract as RouteContract, services);
      const params = parsePart(contract.params, (await context?.params) ?? {}, 'params');
      const query = parsePart(contract.query, Object.fromEntries(new URL(request.url).searchParams), 'query');
      const body = contract.body?.kind === 'json' ? parsePart(contract.body.schema, await readJson(request), 'body') : undefined;
      const result = await handler({
        request,
        services,
        principal: principal as RouteInput<P, Q, B, A>['principal'],
        actor: principal?.name ?? 'anonymous',
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as BodyOut<B>,
      });
      return finish(result, contract as RouteContract);
    } catch (err) {
      if (err instanceof z.ZodError) return errorResponse(new AppError('VALIDATION', 'Invalid input', toIssues(err)), where);
      return errorResponse(err, where);
    }
  };
  return Object.assign(route, { contract: contract as RouteContract });
}
