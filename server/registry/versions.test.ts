import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit';
import { AppError } from '../errors';
import { bytesBody, DEMO_MODEL_PATH, makeTestDeps, type TestDeps } from '../../testing/services';
import { archiveModel, archiveVersion, artifact, createModel, getModel, getVersion, listVersions, registerVersion, updateVersion } from '.';

const demoBytes = readFileSync(DEMO_MODEL_PATH);
let deps: TestDeps;

beforeEach(() => {
  deps = makeTestDeps();
  createModel(deps, { name: 'cls' }, 'alice');
});
afterEach(() => deps.cleanup());

const upload = (bytes: Uint8Array, model = 'cls', extra: { description?: string; tags?: string[] } = {}) =>
  registerVersion(deps, { model, body: bytesBody(bytes), ...extra }, 'alice');

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? `${err.code}: ${err.message}` : `not an AppError: ${String(err)}`;
  }
  return undefined;
}

function versionRowCount(): number {
  return (deps.db.$client.prepare('SELECT count(*) AS n FROM model_versions').get() as { n: number }).n;
}

describe('registerVersion with the real demo model', () => {
  it('reads the signature and stores the artifact by content hash', async () => {
    const v = await upload(demoBytes, 'cls', { description: 'first', tags: ['demo'] });
    expect(v).toMatchObject({ model: 'cls', version: 1, format: 'onnx', status: 'ready', sizeBytes: demoBytes.byteLength, description: 'first', tags: ['demo'], createdBy: 'alice' });
    const [input] = v.signature.inputs;
    expect(input?.name).toBe('x');
    expect(input?.datatype).toBe('FP32');
    expect(input?.shape).toHaveLength(4);
    expect(input?.shape[1]).toBe(3);
    for (const i of [0, 2, 3]) expect(input?.shape[i] === -1 || typeof input?.shape[i] === 'string').toBe(true);
    expect(v.signature.outputs[0]?.datatype).toBe('FP32');
    expect(v.metadata.opset).toBeGreaterThan(0);
    expect(artifact(deps, 'cls', 1)).toEqual({ path: expect.stringContaining(`${v.sha256}.onnx`), sizeBytes: demoBytes.byteLength, sha256: v.sha256 });
    expect(readFileSync(artifact(deps, 'cls', 1).path).equals(demoBytes)).toBe(true);
    expect(deps.tmpFiles()).toEqual([]);
    expect(getModel(deps, 'cls')).toMatchObject({ latestVersion: 1, versionCount: 1 });
    expect(listAudit(deps.db, { limit: 1, action: 'version.create' }).items[0]).toMatchObject({ actor: 'alice', target: 'model/cls/version/1' });
  });

  it('numbers versions per model and stores identical bytes once', async () => {
    createModel(deps, { name: 'other' }, 'alice');
    const [a, b, c] = [await upload(demoBytes), await upload(demoBytes), await upload(demoBytes, 'other')];
    expect([a.version, b.version, c.version]).toEqual([1, 2, 1]);
    expect(new Set([a.sha256, b.sha256, c.sha256]).size).toBe(1);
    expect(deps.artifactFiles()).toEqual([`${a.sha256}.onnx`]);
    expect(listVersions(deps, 'cls').items.map((v) => v.version)).toEqual([2, 1]);
  });

  it('rejects a file that is not ONNX: UNPROCESSABLE, no row, no temp file', async () => {
    expect(await codeOf(upload(Buffer.from('{"definitely": "not a model"}\n'.repeat(100))))).toMatch(/^UNPROCESSABLE: Not a loadable ONNX model/);
    expect(versionRowCount()).toBe(0);
    expect(deps.tmpFiles()).toEqual([]);
    expect(deps.artifactFiles()).toEqual([]);
  });

  it('rejects a truncated ONNX model (its first half)', async () => {
    expect(await codeOf(upload(demoBytes.subarray(0, demoBytes.byteLength >> 1)))).toMatch(/^UNPROCESSABLE/);
    expect(versionRowCount()).toBe(0);
    expect(deps.tmpFiles()).toEqual([]);
  });

  it('rejects an empty upload', async () => {
    expect(await codeOf(upload(new Uint8Array(0)))).toMatch(/^UNPROCESSABLE/);
    expect(deps.tmpFiles()).toEqual([]);
  });

  it('stops at the upload cap with PAYLOAD_TOO_LARGE and leaves nothing behind', async () => {
    deps.cleanup();
    deps = makeTestDeps({ SLIPWAY_MAX_UPLOAD_BYTES: '100000' });
    createModel(deps, { name: 'cls' }, 'alice');
    let chunksRead = 0;
    async function* counted() {
      for await (const chunk of bytesBody(demoBytes, 10_000)) {
        chunksRead += 1;
        yield chunk;
      }
    }
    expect(await codeOf(registerVersion(deps, { model: 'cls', body: counted() }, 'alice'))).toMatch(/^PAYLOAD_TOO_LARGE/);
    expect(chunksRead).toBe(11);
    expect(versionRowCount()).toBe(0);
    expect(deps.tmpFiles()).toEqual([]);
    expect(deps.artifactFiles()).toEqual([]);
  });

  it('refuses versions of an archived model (CONFLICT) and of a missing one (NOT_FOUND)', async () => {
    archiveModel(deps, 'cls', 'alice');
    expect(await codeOf(upload(demoBytes))).toMatch(/^CONFLICT/);
    expect(await codeOf(upload(demoBytes, 'missing'))).toMatch(/^NOT_FOUND/);
    expect(deps.tmpFiles()).toEqual([]);
  });
});

describe('version labels and archive', () => {
  it('updates labels, archives, and audits both', async () => {
    await upload(demoBytes);
    expect(updateVersion(deps, 'cls', 1, { description: 'better', tags: ['x'] }, 'bob')).toMatchObject({ description: 'better', tags: ['x'] });
    expect(archiveVersion(deps, 'cls', 1, 'bob').status).toBe('archived');
    expect(getVersion(deps, 'cls', 1).status).toBe('archived');
    const actions = listAudit(deps.db, { limit: 10, actor: 'bob' }).items.map((e) => e.action);
    expect(actions).toEqual(['version.archive', 'version.update']);
  });

  it('NOT_FOUND for a missing version', async () => {
    expect(await codeOf(Promise.resolve().then(() => getVersion(deps, 'cls', 7)))).toMatch(/^NOT_FOUND/);
    expect(await codeOf(Promise.resolve().then(() => artifact(deps, 'cls', 7)))).toMatch(/^NOT_FOUND/);
  });
});

describe('concurrent uploads', () => {
  it('get distinct consecutive version numbers', async () => {
    const versions = await Promise.all([upload(demoBytes), upload(demoBytes), upload(demoBytes)]);
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3]);
    expect(deps.tmpFiles()).toEqual([]);
  });
});
