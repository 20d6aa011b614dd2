/**
 * The data directory across real starts: everything in it is owner-only (folders 0700, files
 * 0600: database, -wal, -shm, artifacts, admin-token), a start fixes what was left looser, and a
 * start removes artifact files no version references and stray temp uploads, keeping the rest.
 */
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { scaleModel } from '../onnx';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, type ControlPlane } from '../control-plane';
import { call } from './client';

const root = mkdtempSync(join(tmpdir(), 'slipway-it-datadir-'));
const dataDir = join(root, 'data');
const model = scaleModel(3);
const sha256 = createHash('sha256').update(model).digest('hex');
let plane: ControlPlane | undefined;

afterEach(async () => {
  await plane?.stop();
  plane = undefined;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** No SLIPWAY_ADMIN_TOKEN: the first start generates one and writes `<data>/admin-token`. */
const start = () => startControlPlane({ dataDir, env: { SLIPWAY_ADMIN_TOKEN: '' } });
const adminToken = () => readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();

/** Every entry below `dir` with its permission bits, e.g. `artifacts 700`. */
function modes(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path);
    out.push(`${relative(dir, path) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out.sort();
}

describe('the data directory', () => {
  it(
    'is owner-only after a fresh start and an upload',
    async () => {
      await ensureBuild();
      plane = await start();
      const token = adminToken();
      expect((await call(plane, 'POST', '/models', { token, json: { name: 'kept' } })).status).toBe(201);
      const uploaded = await call(plane, 'POST', '/models/kept/versions', { token, body: new Uint8Array(model), headers: { 'content-type': 'application/octet-stream' } });
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);

      expect(modes(dataDir)).toEqual(
        ['.', 'artifacts', 'logs', 'tmp']
          .map((d) => `${d} 700`)
          .concat(['admin-token', `artifacts/${sha256}.onnx`, 'dataplane.json', 'logs/gateway.log', 'slipway.db', 'slipway.db-shm', 'slipway.db-wal'].map((f) => `${f} 600`))
          .sort(),
      );
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'a start removes unreferenced artifacts and stray temp files, keeps referenced ones, and makes loose modes owner-only',
    async () => {
      const orphan = `${'0'.repeat(64)}.onnx`;
      writeFileSync(join(dataDir, 'artifacts', orphan), 'left by an upload killed before its row');
      writeFileSync(join(dataDir, 'tmp', 'upload-0123456789abcdef.part'), 'half an upload');
      for (const dir of ['.', 'artifacts', 'tmp']) chmodSync(join(dataDir, dir), 0o755);
      for (const file of ['admin-token', 'slipway.db', `artifacts/${sha256}.onnx`]) chmodSync(join(dataDir, file), 0o644);

      plane = await start();
      expect(readdirSync(join(dataDir, 'artifacts'))).toEqual([`${sha256}.onnx`]);
      expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
      expect(modes(dataDir).filter((line) => !/ (700|600)$/.test(line))).toEqual([]);

      const download = await fetch(`${plane.apiUrl}/models/kept/versions/1/artifact`, { headers: { authorization: `Bearer ${adminToken()}` } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(model))).toBe(true);
    },
    SETUP_TIMEOUT_MS,
  );
});
