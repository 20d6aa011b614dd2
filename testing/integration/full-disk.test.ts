/**
 * A full data volume against the real server, on a small tmpfs mounted as its data folder: reads
 * (including a token's first use, whose lastUsedAt write fails) and inference keep working, writes
 * answer 507 with a plain message, health says `degraded` with the free bytes, and once space is
 * freed, writes work again.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_FULL_MESSAGE } from '../../server/errors';
import { scaleModel } from '../onnx';
import { ensureBuild, SETUP_TIMEOUT_MS, startControlPlane, waitFor, type ControlPlane } from '../control-plane';
import { call, expectError } from './client';

/** Mounting a tmpfs needs root; run as anyone else, the test is skipped (it.skipIf below). */
const AS_ROOT = process.getuid?.() === 0;
const VOLUME_BYTES = 32 * 1024 * 1024;
const LOW_SPACE_BYTES = 4 * 1024 * 1024;

const mountPoint = mkdtempSync(join(tmpdir(), 'slipway-it-full-'));
const dataDir = join(mountPoint, 'data');
const ballast = join(mountPoint, 'ballast');
let mounted = false;
let plane: ControlPlane | undefined;
let viewer = '';

const octet = (bytes: Uint8Array) => ({ body: new Uint8Array(bytes), headers: { 'content-type': 'application/octet-stream' } });

async function infer(p: ControlPlane): Promise<number> {
  const res = await fetch(`${p.gatewayUrl}/v2/models/ep/infer`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Writes zeros until the volume refuses another byte. */
function fillVolume(): void {
  const fd = openSync(ballast, 'w');
  try {
    for (const chunkBytes of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(chunkBytes);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      }
    }
  } finally {
    closeSync(fd);
  }
}

beforeAll(async () => {
  if (!AS_ROOT) return;
  await ensureBuild();
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_BYTES},mode=0700`, 'tmpfs', mountPoint], { encoding: 'utf8' });
  expect(mount.status, mount.stderr).toBe(0);
  mounted = true;
  mkdirSync(dataDir);
  plane = await startControlPlane({ dataDir, env: { SLIPWAY_LOW_SPACE_BYTES: String(LOW_SPACE_BYTES) } });
  const admin = { token: plane.adminToken };
  expect((await call(plane, 'POST', '/models', { ...admin, json: { name: 'm' } })).status).toBe(201);
  expect((await call(plane, 'POST', '/models/m/versions', { ...admin, ...octet(scaleModel(2)) })).status).toBe(201);
  expect((await call(plane, 'POST', '/endpoints', { ...admin, json: { name: 'ep', model: 'm', version: 1 } })).status).toBe(201);
  // Created now and first used on the full volume: its lastUsedAt write is the one that fails.
  viewer = (await call(plane, 'POST', '/tokens', { ...admin, json: { name: 'reader', role: 'viewer' } })).body.secret;
  const p = plane;
  await waitFor(async () => ((await infer(p)) === 200 ? true : undefined), 90_000, 'the endpoint to serve');
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await plane?.stop();
  if (mounted) {
    // Lazily if a runtime that outlived its control plane still holds a file there.
    if (spawnSync('umount', [mountPoint]).status !== 0) spawnSync('umount', ['-l', mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full data volume', () => {
  it.skipIf(!AS_ROOT)(
    'keeps reads and inference, refuses writes with 507, reports degraded health, and recovers once space is freed',
    async () => {
      const p = plane as ControlPlane;
      const admin = { token: p.adminToken };
      expect((await call(p, 'GET', '/health')).body).toMatchObject({ status: 'ok', storage: { ok: true, lowSpaceThresholdBytes: LOW_SPACE_BYTES } });

      fillVolume();
      const models = await call(p, 'GET', '/models', { token: viewer });
      expect(models.status, JSON.stringify(models.body)).toBe(200);
      expect(models.body.items.map((m: { name: string }) => m.name)).toEqual(['m']);
      expect((await call(p, 'GET', '/models/m/versions/1/artifact', { token: viewer })).status).toBe(200);
      expect(await infer(p)).toBe(200);

      for (const reply of [
        await call(p, 'POST', '/models', { ...admin, json: { name: 'n', description: 'x'.repeat(2000) } }),
        await call(p, 'POST', '/models/m/versions', { ...admin, ...octet(scaleModel(3)) }),
      ]) {
        expectError(reply, 507, 'INSUFFICIENT_STORAGE');
        expect(reply.body.error.message).toBe(STORAGE_FULL_MESSAGE);
      }
      expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);

      const degraded = await call(p, 'GET', '/health');
      expect(degraded.status).toBe(200);
      expect(degraded.body).toMatchObject({ status: 'degraded', storage: { ok: false, lowSpaceThresholdBytes: LOW_SPACE_BYTES, totalBytes: VOLUME_BYTES } });
      expect(degraded.body.storage.freeBytes).toBeLessThan(LOW_SPACE_BYTES);
      expect(degraded.body.storage.problem).toMatch(/^the data volume is (full|low on space)/);

      unlinkSync(ballast);
      expect((await call(p, 'GET', '/health')).body).toMatchObject({ status: 'ok', storage: { ok: true } });
      expect((await call(p, 'POST', '/models', { ...admin, json: { name: 'n' } })).status).toBe(201);
      const uploaded = await call(p, 'POST', '/models/m/versions', { ...admin, ...octet(scaleModel(3)) });
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
      expect(await infer(p)).toBe(200);
      expect(p.child.exitCode).toBeNull();
    },
    120_000,
  );
});
