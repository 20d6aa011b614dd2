/**
 * The start-up sweep of the artifact store: removes files that no version row references, such as
 * one left by an upload killed between moving its file into place and inserting its row, or one
 * whose model was deleted since. It must run before anything serves: an upload in flight has a
 * file without a row yet, and the sweep would take it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { modelVersions } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { artifactFileName } from './store-artifact';

/** The names in the store that are not `<sha256>.onnx` of a referenced digest. Pure. */
export function unreferencedArtifacts(fileNames: readonly string[], referencedSha256: ReadonlySet<string>): string[] {
  const wanted = new Set([...referencedSha256].map(artifactFileName));
  return fileNames.filter((name) => !wanted.has(name));
}

/** Removes unreferenced files (never folders) from the store; returns their names. */
export function sweepArtifacts(deps: Pick<ServiceDeps, 'db' | 'config'>): string[] {
  const dir = deps.config.paths.artifacts;
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name);
  const referenced = new Set(deps.db.selectDistinct({ sha256: modelVersions.sha256 }).from(modelVersions).all().map((r) => r.sha256));
  const orphans = unreferencedArtifacts(files, referenced);
  for (const name of orphans) rmSync(join(dir, name), { force: true });
  return orphans;
}
