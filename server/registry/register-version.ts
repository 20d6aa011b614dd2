/**
 * Registers a new version: stream the upload to a temp file (hashing, capped), validate it in a
 * child process, move it into the content-addressed store, then insert the row and its audit
 * event in one synchronous transaction. On any failure no row exists and no temp file remains.
 */
import { eq, max } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import { modelVersions, models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { RegisterVersionRequest } from '../context';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { parseInput } from '../common/validate';
import { inspectArtifact } from './inspect-artifact';
import { requireModelRow, toVersion, uniqueTags, type ModelRow } from './internal';
import { receiveUpload } from './receive-upload';
import { UpdateVersionInput, type ModelVersion } from './schemas';
import { storeArtifact } from './store-artifact';

function requireActive(model: ModelRow): void {
  if (model.status === 'archived') {
    throw new AppError('CONFLICT', `Model "${model.name}" is archived; it takes no new versions`);
  }
}

export async function registerVersion(deps: ServiceDeps, req: RegisterVersionRequest, actor: string): Promise<ModelVersion> {
  const fields = parseInput(UpdateVersionInput, { description: req.description, tags: req.tags }, 'version');
  requireActive(requireModelRow(deps.db, req.model));
  const { paths, maxUploadBytes } = deps.config;

  const upload = await receiveUpload(req.body, { tmpDir: paths.tmp, maxBytes: maxUploadBytes });
  let stored: { path: string; created: boolean } | undefined;
  try {
    if (upload.sizeBytes === 0) throw new AppError('UNPROCESSABLE', 'Not a loadable ONNX model: the upload is empty');
    const { signature, metadata } = await inspectArtifact(upload.path, { script: paths.inspectScript, cwd: paths.projectRoot });
    stored = await storeArtifact(upload.path, paths.artifacts, upload.sha256);
    const now = deps.now();
    return deps.db.transaction((tx) => {
      // Re-read inside the transaction: the model may have been archived or deleted meanwhile.
      const model = requireModelRow(tx, req.model);
      requireActive(model);
      const latest = tx.select({ v: max(modelVersions.version) }).from(modelVersions).where(eq(modelVersions.modelId, model.id)).get();
      const version = (latest?.v ?? 0) + 1;
      const row = tx
        .insert(modelVersions)
        .values({
          modelId: model.id,
          version,
          sha256: upload.sha256,
          sizeBytes: upload.sizeBytes,
          description: fields.description ?? '',
          tags: uniqueTags(fields.tags),
          signature,
          metadata,
          createdBy: actor,
          createdAt: now,
        })
        .returning()
        .get();
      tx.update(models).set({ updatedAt: now }).where(eq(models.id, model.id)).run();
      recordAudit(tx, {
        actor,
        action: 'version.create',
        target: auditTarget.version(model.name, version),
        details: { sha256: upload.sha256, sizeBytes: upload.sizeBytes },
        at: now,
      });
      return toVersion(model.name, row);
    });
  } catch (err) {
    await rm(upload.path, { force: true });
    if (stored?.created) await removeIfUnreferenced(deps, stored.path, upload.sha256);
    throw err;
  }
}

/** A file this call added and no row points to is an orphan; one another version uses stays. */
async function removeIfUnreferenced(deps: ServiceDeps, path: string, sha256: string): Promise<void> {
  const used = deps.db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.sha256, sha256)).get();
  if (!used) await rm(path, { force: true });
}
