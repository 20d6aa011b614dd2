/** The model registry: models, their versions and the content-addressed artifact store. */
import type { Services } from '../context';
import type { ServiceDeps } from '../deps';
import { archiveModel } from './archive-model';
import { archiveVersion } from './archive-version';
import { artifact } from './artifact';
import { createModel } from './create-model';
import { deleteModel } from './delete-model';
import { getModel } from './get-model';
import { getVersion } from './get-version';
import { listModels } from './list-models';
import { listVersions } from './list-versions';
import { registerVersion } from './register-version';
import { updateModel } from './update-model';
import { updateVersion } from './update-version';

export {
  archiveModel,
  archiveVersion,
  artifact,
  createModel,
  deleteModel,
  getModel,
  getVersion,
  listModels,
  listVersions,
  registerVersion,
  updateModel,
  updateVersion,
};
export { artifactPath } from './store-artifact';

export function createRegistry(deps: ServiceDeps): Services['registry'] {
  return {
    listModels: (q) => listModels(deps, q),
    createModel: (input, actor) => createModel(deps, input, actor),
    getModel: (name) => getModel(deps, name),
    updateModel: (name, patch, actor) => updateModel(deps, name, patch, actor),
    archiveModel: (name, actor) => archiveModel(deps, name, actor),
    deleteModel: (name, actor) => deleteModel(deps, name, actor),
    listVersions: (model) => listVersions(deps, model),
    registerVersion: (input, actor) => registerVersion(deps, input, actor),
    getVersion: (model, version) => getVersion(deps, model, version),
    updateVersion: (model, version, patch, actor) => updateVersion(deps, model, version, patch, actor),
    archiveVersion: (model, version, actor) => archiveVersion(deps, model, version, actor),
    artifact: (model, version) => artifact(deps, model, version),
  };
}
