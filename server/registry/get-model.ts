import type { ServiceDeps } from '../deps';
import { modelWithStats, requireModelRow } from './internal';
import type { Model } from './schemas';

export function getModel(deps: ServiceDeps, name: string): Model {
  return modelWithStats(deps.db, requireModelRow(deps.db, name));
}
