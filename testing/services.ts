/**
 * Tests only: real dependencies for service tests. An in-memory SQLite with the committed
 * migrations, a temp data dir for artifacts and uploads, and a config built by the real parser.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { closeDatabase } from '../db/client';
import { modelVersions, models } from '../db/schema';
import { openTestDatabase } from './db';
import { parseConfig } from '../server/config';
import { resolveDemoModelPath } from '../server/demo/demo-model-path';
import type { ServiceDeps } from '../server/deps';
import { AppError } from '../server/errors';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export const DEMO_MODEL_PATH = resolveDemoModelPath();

export interface TestDeps extends ServiceDeps {
  cleanup(): void;
  /** Files left in `<data>/tmp` (should be none after any upload). */
  tmpFiles(): string[];
  artifactFiles(): string[];
}

export function makeTestDeps(env: Record<string, string> = {}, now: () => Date = () => new Date()): TestDeps {
  const dataDir = mkdtempSync(join(tmpdir(), 'slipway-test-'));
  const config = parseConfig({ SLIPWAY_DATA_DIR: dataDir, SLIPWAY_LOG_LEVEL: 'silent', ...env }, { cwd: dataDir, projectRoot: PROJECT_ROOT });
  mkdirSync(config.paths.artifacts, { recursive: true });
  mkdirSync(config.paths.tmp, { recursive: true });
  const db = openTestDatabase();
  return {
    db,
    config,
    now,
    cleanup() {
      closeDatabase(db);
      rmSync(dataDir, { recursive: true, force: true });
    },
    tmpFiles: () => readdirSync(config.paths.tmp),
    artifactFiles: () => readdirSync(config.paths.artifacts),
  };
}

/** An upload body from bytes, in chunks like a request stream. */
export async function* bytesBody(bytes: Uint8Array, chunkBytes = 64 * 1024): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
}

/**
 * A version row written straight to the real schema, for tests of code downstream of the
 * registry (endpoints, deletes) that need no artifact bytes. Upload tests use registerVersion.
 */
export function insertVersionFixture(deps: ServiceDeps, model: string, version: number, status: 'ready' | 'archived' = 'ready'): void {
  const m = deps.db.select({ id: models.id }).from(models).where(eq(models.name, model)).get();
  if (!m) throw new Error(`fixture: model ${model} missing`);
  deps.db
    .insert(modelVersions)
    .values({
      modelId: m.id,
      version,
      sha256: `fixture-${model}-${version}`,
      sizeBytes: 1,
      tags: [],
      signature: { inputs: [], outputs: [] },
      metadata: {},
      status,
      createdBy: 'fixture',
      createdAt: deps.now(),
    })
    .run();
}

/** What a service call refused with: the AppError's code and message, or undefined if it succeeded. */
export function refusalOf(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? { code: err.code, message: err.message } : { code: 'not an AppError', message: String(err) };
  }
  return undefined;
}

/** The error code a service call refused with (undefined if it succeeded). */
export function codeOf(fn: () => unknown): string | undefined {
  return refusalOf(fn)?.code;
}
