/** Endpoints: the desired serving state (which version, how configured). Runtimes come later. */
import type { Services } from '../context';
import type { ServiceDeps } from '../deps';
import { createEndpoint } from './create-endpoint';
import { deleteEndpoint } from './delete-endpoint';
import { getEndpoint, listEndpoints } from './list-endpoints';
import { mergeConfig, updateEndpoint } from './update-endpoint';
import { detectHostResources, effectiveSizingOf, sizeEndpoints } from '../sizing';
import type { Endpoint } from './schemas';

export { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, mergeConfig, updateEndpoint };

export function createEndpoints(deps: ServiceDeps): Services['endpoints'] {
  // What `auto` came to on this host, read with the answer so it is never stale.
  const withSizing = (endpoints: Endpoint[]): Endpoint[] => {
    const plan = sizeEndpoints(deps.db, detectHostResources(deps.config.hostCpus));
    return endpoints.map((e) => ({ ...e, effective: effectiveSizingOf(plan, e.name) }));
  };
  return {
    list: () => ({ items: withSizing(listEndpoints(deps).items) }),
    create: (input, actor) => withSizing([createEndpoint(deps, input, actor)])[0]!,
    get: (name) => withSizing([getEndpoint(deps, name)])[0]!,
    update: (name, patch, actor) => withSizing([updateEndpoint(deps, name, patch, actor)])[0]!,
    remove: (name, actor) => deleteEndpoint(deps, name, actor),
  };
}
