/** Endpoints: the desired serving state (which version, how configured). Runtimes come later. */
import { bindTo, type Rest } from '../common/bind';
import type { ServiceDeps } from '../deps';
import { createEndpoint } from './create-endpoint';
import { deleteEndpoint } from './delete-endpoint';
import { getEndpoint, listEndpoints } from './list-endpoints';
import { mergeConfig, updateEndpoint } from './update-endpoint';
import { detectHostResources, effectiveSizingOf, sizeEndpoints } from '../sizing';
import type { Endpoint } from './schemas';

export { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, mergeConfig, updateEndpoint };

export function createEndpoints(deps: ServiceDeps) {
  // What `auto` came to on this host, read with the answer so it is never stale.
  const withSizing = (endpoints: Endpoint[]): Endpoint[] => {
    const plan = sizeEndpoints(deps.db, detectHostResources(deps.config.hostCpus));
    return endpoints.map((e) => ({ ...e, effective: effectiveSizingOf(plan, e.name) }));
  };
  return {
    list: () => ({ items: withSizing(listEndpoints(deps).items) }),
    create: (...args: Rest<typeof createEndpoint>) => withSizing([createEndpoint(deps, ...args)])[0]!,
    get: (...args: Rest<typeof getEndpoint>) => withSizing([getEndpoint(deps, ...args)])[0]!,
    update: (...args: Rest<typeof updateEndpoint>) => withSizing([updateEndpoint(deps, ...args)])[0]!,
    remove: bindTo(deps)(deleteEndpoint),
  };
}
