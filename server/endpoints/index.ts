/** Endpoints: the desired serving state (which version, how configured). Runtimes come later. */
import type { Services } from '../context';
import type { ServiceDeps } from '../deps';
import { createEndpoint } from './create-endpoint';
import { deleteEndpoint } from './delete-endpoint';
import { getEndpoint, listEndpoints } from './list-endpoints';
import { mergeConfig, updateEndpoint } from './update-endpoint';

export { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, mergeConfig, updateEndpoint };

export function createEndpoints(deps: ServiceDeps): Services['endpoints'] {
  return {
    list: () => listEndpoints(deps),
    create: (input, actor) => createEndpoint(deps, input, actor),
    get: (name) => getEndpoint(deps, name),
    update: (name, patch, actor) => updateEndpoint(deps, name, patch, actor),
    remove: (name, actor) => deleteEndpoint(deps, name, actor),
  };
}
