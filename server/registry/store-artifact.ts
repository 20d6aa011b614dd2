/** Content-addressed artifact store: `<artifacts>/<sha256>.onnx`, identical bytes stored once. */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export function artifactFileName(sha256: string): string {
  return `${sha256}.onnx`;
}

export function artifactPath(artifactsDir: string, sha256: string): string {
  return join(artifactsDir, artifactFileName(sha256));
}

/**
 * Moves the verified temp file into place (same filesystem: rename is atomic). `created` says
 * whether this call put the file there, so a failed registration can remove only what it added.
 */
export async function storeArtifact(tmpPath: string, artifactsDir: string, sha256: string): Promise<{ path: string; created: boolean }> {
  const path = artifactPath(artifactsDir, sha256);
  if (existsSync(path)) {
    await rm(tmpPath, { force: true });
    return { path, created: false };
  }
  await rename(tmpPath, path);
  return { path, created: true };
}
