/** Builds the one `Services` instance from its dependencies; the composition root registers it. */
import { listAudit } from './audit';
import { createAuth } from './auth';
import type { Services } from './context';
import type { ServiceDeps } from './deps';
import { createEndpoints } from './endpoints';
import { createRegistry } from './registry';

export function buildServices(deps: ServiceDeps, startedAt: Date = deps.now()): Services {
  return {
    config: deps.config,
    startedAt,
    auth: createAuth(deps),
    registry: createRegistry(deps),
    endpoints: createEndpoints(deps),
    audit: { list: (q) => listAudit(deps.db, q) },
  };
}
