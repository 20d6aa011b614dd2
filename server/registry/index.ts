/** The model registry: models, their versions and the content-addressed artifact store. */
import { bindTo } from '../common/bind';
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

/** Models: `models.list | create | get | update | archive | remove` (CONFLICT while an endpoint serves it). */
export function createModels(deps: ServiceDeps) {
  const bind = bindTo(deps);
  return { list: bind(listModels), create: bind(createModel), get: bind(getModel), update: bind(updateModel), archive: bind(archiveModel), remove: bind(deleteModel) };
}

/** Versions of a model: `versions.list | register | get | update | archive | artifact`. */
export function createVersions(deps: ServiceDeps) {
  const bind = bindTo(deps);
  return { list: bind(listVersions), register: bind(registerVersion), get: bind(getVersion), update: bind(updateVersion), archive: bind(archiveVersion), artifact: bind(artifact) };
}
