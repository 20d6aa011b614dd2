import { existsSync } from 'node:fs';
import type { ArtifactRef } from '../context';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { requireModelRow, requireVersionRow } from './internal';
import { artifactPath } from './store-artifact';

/** Where a version's bytes live, for download and for launching runtimes. */
export function artifact(deps: ServiceDeps, model: string, version: number): ArtifactRef {
  const m = requireModelRow(deps.db, model);
  const row = requireVersionRow(deps.db, m, version);
  const path = artifactPath(deps.config.paths.artifacts, row.sha256);
  if (!existsSync(path)) throw new AppError('UNAVAILABLE', `The artifact of version ${version} of "${m.name}" is missing from the store`);
  return { path, sizeBytes: row.sizeBytes, sha256: row.sha256 };
}
