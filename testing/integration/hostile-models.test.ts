/**
 * Hostile uploads against the real server: models whose tensors point at "external data" files
 * (which ONNX Runtime would read from the server's disk) are refused with 422 and a plain reason,
 * and no validation error names a server path, a file size or an ONNX Runtime C++ signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_DATA_REASON } from '../../protocol/inspect';
import { scaleModel } from '../onnx';
import { externalDataModel, type ExternalDataPlace } from '../onnx/hostile';
import { ModelProto } from '../onnx/proto';
import { ensureBuild, PROJECT_ROOT, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError, snapshot, type Reply } from './client';

let plane: ControlPlane;

beforeAll(async () => {
  await ensureBuild();
  plane = await startControlPlane();
  expect((await call(plane, 'POST', '/models', { token: plane.adminToken, json: { name: 'target' } })).status).toBe(201);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

const upload = (model: Uint8Array, kind: 'raw' | 'multipart'): Promise<Reply> => {
  const bytes = new Uint8Array(model);
  if (kind === 'raw') {
    return call(plane, 'POST', '/models/target/versions', { token: plane.adminToken, body: bytes, headers: { 'content-type': 'application/octet-stream' } });
  }
  const form = new FormData();
  form.set('file', new Blob([bytes]), 'model.onnx');
  return call(plane, 'POST', '/models/target/versions', { token: plane.adminToken, body: form });
};

/** What no validation message may contain: where the server lives, native frames, sizes. */
function expectNothingInternal(message: string): void {
  for (const leak of [plane.dataDir, PROJECT_ROOT, '/etc/', 'onnxruntime::', 'onnxruntime_src', '.cc:', 'file_length']) {
    expect(message).not.toContain(leak);
  }
}

describe('models with external data', () => {
  const rows: [string, ExternalDataPlace, 'raw' | 'multipart'][] = [
    ['package.json', 'initializer', 'raw'],
    ['package.json', 'initializer', 'multipart'],
    ['../../etc/passwd', 'initializer', 'raw'],
    ['/etc/passwd', 'data-location-only', 'raw'],
    ['package.json', 'entries-only', 'raw'],
    ['package.json', 'constant-node', 'multipart'],
    ['../../etc/passwd', 'subgraph', 'raw'],
    ['package.json', 'function', 'raw'],
  ];

  it.each(rows)('refuses location %s (tensor: %s, %s upload) with 422 and leaves nothing behind', async (location, place, kind) => {
    const before = await snapshot(plane, ['target']);
    const reply = await upload(externalDataModel(location, place), kind);
    expectError(reply, 422, 'UNPROCESSABLE');
    const message = (reply.body as { error: { message: string } }).error.message;
    expect(message).toBe(`Not a loadable ONNX model: ${EXTERNAL_DATA_REASON}`);
    expectNothingInternal(message);
    expect(await snapshot(plane, ['target'])).toEqual(before);
  });
});

describe('other models ONNX Runtime refuses', () => {
  const withIrVersion = (irVersion: number) => {
    const model = ModelProto.toObject(ModelProto.decode(scaleModel(2)));
    return new Uint8Array(ModelProto.encode(ModelProto.fromObject({ ...model, ir_version: irVersion })).finish());
  };

  it.each([
    ['an IR version from the future', withIrVersion(99), /^Not a loadable ONNX model: its IR version 99 is newer than this ONNX Runtime supports/],
    ['half a model', scaleModel(2).subarray(0, 60), /^Not a loadable ONNX model: the file is not a valid ONNX model/],
  ])('%s: a plain reason, nothing internal', async (_name, bytes, message) => {
    const reply = await upload(bytes, 'raw');
    expectError(reply, 422, 'UNPROCESSABLE');
    const text = (reply.body as { error: { message: string } }).error.message;
    expect(text).toMatch(message);
    expectNothingInternal(text);
  });

  it('still accepts the same graph with its weights embedded', async () => {
    const reply = await upload(scaleModel(2), 'raw');
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  });
});
