/**
 * The one table of admin API routes. Route handlers take their contract from here and the OpenAPI
 * document is generated from `ROUTES`, so a route cannot exist in one and not the other.
 */
import type { RouteContract } from '../contract';
import * as audit from './audit';
import * as auth from './auth';
import * as endpoints from './endpoints';
import * as metrics from './metrics';
import * as models from './models';
import * as rollouts from './rollouts';
import * as system from './system';
import * as tokens from './tokens';
import * as tunings from './tunings';
import * as versions from './versions';

export { Health } from './system';

export const routes = {
  health: system.health,
  openapi: system.openapi,
  ...auth,
  ...audit,
  ...models,
  ...versions,
  ...endpoints,
  ...tokens,
  ...rollouts,
  ...metrics,
  ...tunings,
};

export const ROUTES: RouteContract[] = Object.values(routes) as RouteContract[];

/** Where the route handlers live below `app/api/v1`, for the table's own consistency test. */
export const API_BASE_PATH = '/api/v1';
