/**
 * Version uploads against the real server: raw and multipart happy paths, content-addressed
 * storage, byte-identical download, and every rejected upload (413, 415, 422, 404, 403, 400)
 * leaving the database and `<data>/artifacts` and `<data>/tmp` as they were.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDemoModelPath } from '../../server/demo/demo-model-path';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call, expectError, snapshot, type Call } from './client';
import { rawUpload } from './raw-upload';

const MAX_UPLOAD_BYTES = 1024 * 1024;
const demo = readFileSync(resolveDemoModelPath());
const demoSha256 = createHash('sha256').update(demo).digest('hex');

let plane: ControlPlane;
let viewer = '';

beforeAll(async () => {
  expect(demo.byteLength).toBeLessThan(MAX_UPLOAD_BYTES);
  await ensureBuild();
  plane = await startControlPlane({ maxUploadBytes: MAX_UPLOAD_BYTES });
  const admin = { token: plane.adminToken };
  expect((await call(plane, 'POST', '/models', { ...admin, json: { name: 'ocr-cls', task: 'classification' } })).status).toBe(201);
  const created = await call(plane, 'POST', '/tokens', { ...admin, json: { name: 'it-viewer', role: 'viewer' } });
  viewer = created.body.secret;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
});

const octet = (body: BodyInit): Call => ({ body, headers: { 'content-type': 'application/octet-stream' } });
const multipart = (file: Uint8Array | string, fields: Record<string, string> = {}): Call => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), 'model.onnx');
  return { body: form };
};

function formWithout(): FormData {
  const form = new FormData();
  form.set('description', 'no file here');
  return form;
}

describe('rejected uploads', () => {
  const rows: [string, string, () => Call, number, string][] = [
    ['a file that is not ONNX', '/models/ocr-cls/versions', () => octet('this is not a model, just text'), 422, 'UNPROCESSABLE'],
    ['a truncated ONNX file', '/models/ocr-cls/versions', () => octet(demo.subarray(0, Math.floor(demo.byteLength / 2))), 422, 'UNPROCESSABLE'],
    ['an empty body', '/models/ocr-cls/versions', () => octet(new Uint8Array(0)), 422, 'UNPROCESSABLE'],
    ['a multipart file that is not ONNX', '/models/ocr-cls/versions', () => multipart('not onnx either'), 422, 'UNPROCESSABLE'],
    ['a multipart body without a file part', '/models/ocr-cls/versions', () => ({ body: formWithout() }), 400, 'VALIDATION'],
    ['a JSON body', '/models/ocr-cls/versions', () => ({ json: { file: 'x' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a text/plain body', '/models/ocr-cls/versions', () => ({ body: 'x', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a multipart body over the cap', '/models/ocr-cls/versions', () => multipart(new Uint8Array(MAX_UPLOAD_BYTES + 1)), 413, 'PAYLOAD_TOO_LARGE'],
    ['tags that are not tags', '/models/ocr-cls/versions?tags=ok,%20bad%20tag!', () => octet(demo), 400, 'VALIDATION'],
    ['an unknown model', '/models/nope/versions', () => octet(demo), 404, 'NOT_FOUND'],
    ['an upload by a viewer', '/models/ocr-cls/versions', () => ({ ...octet(demo), token: viewer }), 403, 'FORBIDDEN'],
  ];

  it.each(rows)('%s', async (_name, path, build, status, code) => {
    const before = await snapshot(plane, ['ocr-cls']);
    const reply = await call(plane, 'POST', path, { token: plane.adminToken, ...build() });
    expectError(reply, status, code);
    expect(await snapshot(plane, ['ocr-cls'])).toEqual(before);
  });

  it('answers 413 to a declared Content-Length over the cap without waiting for the body', async () => {
    const before = await snapshot(plane, ['ocr-cls']);
    const result = await rawUpload(
      `${plane.apiUrl}/models/ocr-cls/versions`,
      { authorization: `Bearer ${plane.adminToken}`, 'content-type': 'application/octet-stream', 'content-length': String(MAX_UPLOAD_BYTES * 4) },
      { chunkBytes: 16 * 1024, maxSendBytes: 16 * 1024 },
    );
    expect({ status: result.status, body: result.body }).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await snapshot(plane, ['ocr-cls'])).toEqual(before);
  });

  it('answers 413 to a chunked body that passes the cap, while the client is still sending', async () => {
    const before = await snapshot(plane, ['ocr-cls']);
    const result = await rawUpload(
      `${plane.apiUrl}/models/ocr-cls/versions`,
      { authorization: `Bearer ${plane.adminToken}`, 'content-type': 'application/octet-stream' },
      // The body never ends: a response can only come from the cap, not from the end of the upload.
      { chunkBytes: 64 * 1024, maxSendBytes: 64 * MAX_UPLOAD_BYTES },
    );
    expect({ status: result.status, body: result.body }).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(result.sentBytes).toBeLessThan(64 * MAX_UPLOAD_BYTES);
    expect(await snapshot(plane, ['ocr-cls'])).toEqual(before);
  });
});

describe('accepted uploads', () => {
  it('stores raw and multipart uploads of the same bytes once and serves them back byte-identical', async () => {
    const admin = { token: plane.adminToken };
    const first = await call(plane, 'POST', '/models/ocr-cls/versions?description=raw%20upload&tags=demo,ocr', { ...admin, ...octet(demo) });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      model: 'ocr-cls',
      version: 1,
      sha256: demoSha256,
      sizeBytes: demo.byteLength,
      format: 'onnx',
      description: 'raw upload',
      tags: ['demo', 'ocr'],
      status: 'ready',
    });
    expect(first.body.signature.inputs.length).toBeGreaterThan(0);
    expect(first.body.signature.outputs.length).toBeGreaterThan(0);

    const second = await call(plane, 'POST', '/models/ocr-cls/versions', { ...admin, ...multipart(demo, { description: 'multipart upload', tags: 'form' }) });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body).toMatchObject({ version: 2, sha256: demoSha256, description: 'multipart upload', tags: ['form'] });

    expect(readdirSync(join(plane.dataDir, 'artifacts'))).toEqual([`${demoSha256}.onnx`]);
    expect(readdirSync(join(plane.dataDir, 'tmp'))).toEqual([]);

    const list = await call(plane, 'GET', '/models/ocr-cls/versions', admin);
    expect(list.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const model = await call(plane, 'GET', '/models/ocr-cls', admin);
    expect(model.body).toMatchObject({ latestVersion: 2, versionCount: 2 });

    const download = await fetch(`${plane.apiUrl}/models/ocr-cls/versions/1/artifact`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(download.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'etag'].map((h) => [h, download.headers.get(h)]))).toEqual({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="ocr-cls-v1.onnx"',
      etag: `"${demoSha256}"`,
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(demo)).toBe(true);
  });

  /** Next.js drops Content-Length from route responses; the custom server restores the declared one. */
  it('announces the artifact size in Content-Length', async () => {
    const download = await fetch(`${plane.apiUrl}/models/ocr-cls/versions/1/artifact`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(download.status).toBe(200);
    await download.arrayBuffer();
    expect(download.headers.get('content-length')).toBe(String(demo.byteLength));
    expect(download.headers.get('x-slipway-content-length')).toBeNull();
  });
});
