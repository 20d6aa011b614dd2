import { asc } from 'drizzle-orm';
import { endpoints } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow, toEndpoint } from './internal';
import type { Endpoint, EndpointList } from './schemas';

export function listEndpoints(deps: ServiceDeps): EndpointList {
  const rows = deps.db.select().from(endpoints).orderBy(asc(endpoints.name)).all();
  return { items: rows.map((r) => toEndpoint(deps.db, r)) };
}

export function getEndpoint(deps: ServiceDeps, name: string): Endpoint {
  return toEndpoint(deps.db, requireEndpointRow(deps.db, name));
}
