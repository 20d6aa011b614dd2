import type { ServiceDeps } from '../deps';
import { requireModelRow, requireVersionRow, toVersion } from './internal';
import type { ModelVersion } from './schemas';

export function getVersion(deps: ServiceDeps, model: string, version: number): ModelVersion {
  const m = requireModelRow(deps.db, model);
  return toVersion(m.name, requireVersionRow(deps.db, m, version));
}
