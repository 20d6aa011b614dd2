/**
 * The bundles the control plane starts its data-plane processes from: built from the sources,
 * placed by content, and really runnable (a bundled runtime loads its bundled worker and answers).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { getJson, postInfer, REPO_ROOT, spawnRuntime, writeScaleModel, type SpawnedRuntime } from '../runtime/spawn-runtime';
import { buildEntries, sourceEntries } from '../../server/dataplane/entry-points';

const log = pino({ level: 'silent' });
let rt: SpawnedRuntime | undefined;
afterEach(async () => {
  await rt?.stop();
  rt = undefined;
});

describe('buildEntries', () => {
  it('bundles the runtime, its worker and the gateway into one folder named by content, with the gRPC proto beside them', async () => {
    const entries = await buildEntries(REPO_ROOT, log);
    expect(entries.mode).toBe('bundle');
    const dir = dirname(entries.runtime[0]!);
    expect(entries.runtime).toEqual([join(dir, 'runtime-main.mjs')]);
    expect(entries.gateway).toEqual([join(dir, 'gateway-main.mjs')]);
    for (const file of ['runtime-worker.mjs', 'grpc_service.proto']) expect(existsSync(join(dir, file))).toBe(true);
    expect(dir.startsWith(join(REPO_ROOT, 'node_modules', '.cache', 'slipway', 'dataplane'))).toBe(true);
    // Same sources, same folder: nothing is rewritten under running processes.
    expect((await buildEntries(REPO_ROOT, log)).runtime).toEqual(entries.runtime);
  });

  it('falls back to running from source when the sources cannot be bundled', async () => {
    const missing = join(REPO_ROOT, 'no-such-project');
    expect(await buildEntries(missing, log)).toEqual(sourceEntries(missing));
    expect(sourceEntries(REPO_ROOT).runtime).toEqual(['--import', 'tsx', join(REPO_ROOT, 'runtime', 'main.ts')]);
  });

  it('a bundled runtime starts its instances from the bundled worker and serves inference', async () => {
    const entries = await buildEntries(REPO_ROOT, log);
    rt = await spawnRuntime(['--model', await writeScaleModel(3), '--name', 'm', '--port', '0', '--instances', '2'], { entry: entries.runtime });
    const reply = await postInfer(rt.url, 'm', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] });
    expect(reply.status).toBe(200);
    expect(reply.json.outputs![0]!.data).toEqual([3, 6, 9, 12]);
    const config = await getJson<{ instance_group: { count: number }[] }>(`${rt.url}/v2/models/m/config`);
    expect(config.body.instance_group[0]!.count).toBe(2);
  });
});
