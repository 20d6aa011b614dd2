/**
 * The data plane against real processes: the supervisor keeps runtimes alive and the gateway
 * routes around failures, config changes and version changes without failing a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleModel } from '../onnx';
import { waitFor } from '../control-plane';
import { infer, instanceRowsOf, loadUntilStopped, registerModel, startHarness, type Harness } from './harness';

let h: Harness;
let endpointId: number;

const readyRows = () => instanceRowsOf(h, endpointId).filter((r) => r.state === 'ready');

beforeAll(async () => {
  h = await startHarness();
  await registerModel(h, 'scale', [scaleModel(2), scaleModel(3)]);
  h.services.endpoints.create({ name: 'ep', model: 'scale', version: 1, config: { replicas: 2, maxBatchSize: 8 } }, 'test');
  endpointId = (h.deps.db.$client.prepare("select id from endpoints where name = 'ep'").get() as { id: number }).id;
  h.plane.supervisor.trigger();
  await waitFor(() => (readyRows().length === 2 ? true : undefined), 90_000, 'two ready replicas');
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('supervisor and gateway', () => {
  it('serves through the gateway with the version that answered', async () => {
    const reply = await waitFor(async () => {
      const r = await infer(h, 'ep', [1, 2, 3, 4]);
      return r.status === 200 ? r : undefined;
    }, 10_000, 'a routed answer');
    expect(reply.version).toBe('1');
    expect(reply.body.outputs?.[0]?.data).toEqual([2, 4, 6, 8]);
    const rows = instanceRowsOf(h, endpointId);
    expect(rows.map((r) => r.replica).sort()).toEqual([0, 1]);
    expect(rows.every((r) => typeof r.pid === 'number' && r.socketPath)).toBe(true);
  });

  it('answers unknown endpoints with 404 in the KServe error shape', async () => {
    const r = await infer(h, 'nope', [1, 2, 3, 4]);
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/unknown model/);
  });

  it('restarts a gateway that died, on the same port, with the last routing table', async () => {
    const before = h.plane.gateway.record()!;
    process.kill(before.pid, 'SIGKILL');
    const after = await waitFor(() => {
      const r = h.plane.gateway.record();
      return r && r.pid !== before.pid ? r : undefined;
    }, 30_000, 'a new gateway process');
    expect(after.port).toBe(before.port);
    const reply = await waitFor(async () => {
      const r = await infer(h, 'ep', [1, 2, 3, 4]).catch(() => undefined);
      return r?.status === 200 ? r : undefined;
    }, 30_000, 'the new gateway routing');
    expect(reply.body.outputs?.[0]?.data).toEqual([2, 4, 6, 8]);
    // The runtimes never noticed: the same replicas serve.
    expect(readyRows()).toHaveLength(2);
  });

  it('kill -9 of a replica under load fails no request, and the supervisor restarts it', async () => {
    const load = loadUntilStopped(h, 'ep', 4);
    await waitFor(() => (load.replies.length >= 20 ? true : undefined), 20_000, 'load running');
    const victim = readyRows()[0]!;
    process.kill(victim.pid!, 'SIGKILL');
    const restarted = await waitFor(() => {
      const row = instanceRowsOf(h, endpointId).find((r) => r.replica === victim.replica);
      return row && row.state === 'ready' && row.pid !== victim.pid ? row : undefined;
    }, 60_000, 'the killed replica back');
    const replies = await load.stop();
    expect(restarted.restarts).toBeGreaterThanOrEqual(1);
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    expect(replies.length).toBeGreaterThan(20);
  }, 90_000);

  it('a config change replaces replicas one at a time without a failed request', async () => {
    const before = new Set(readyRows().map((r) => r.pid));
    const load = loadUntilStopped(h, 'ep', 4);
    h.services.endpoints.update('ep', { config: { maxBatchSize: 4 } }, 'test');
    h.plane.supervisor.trigger();
    await waitFor(() => {
      const rows = readyRows();
      return rows.length === 2 && rows.every((r) => !before.has(r.pid)) ? true : undefined;
    }, 90_000, 'both replicas replaced');
    const replies = await load.stop();
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
  }, 120_000);

  it('a version change hands traffic over only once the new version is ready', async () => {
    const load = loadUntilStopped(h, 'ep', 2);
    h.services.endpoints.update('ep', { version: 2 }, 'test');
    h.plane.supervisor.trigger();
    await waitFor(() => (load.replies.some((r) => r.version === '2') ? true : undefined), 90_000, 'version 2 serving');
    const replies = await load.stop();
    expect(replies.filter((r) => r.status !== 200)).toEqual([]);
    const after = await infer(h, 'ep', [1, 1, 1, 1]);
    expect(after.version).toBe('2');
    expect(after.body.outputs?.[0]?.data).toEqual([3, 3, 3, 3]);
  }, 120_000);

  it('a runtime that cannot start records its error, backs off, and leaves other endpoints serving', async () => {
    h.services.endpoints.create({ name: 'broken', model: 'scale', version: 1, config: { device: 'cuda' } }, 'test');
    const brokenId = (h.deps.db.$client.prepare("select id from endpoints where name = 'broken'").get() as { id: number }).id;
    h.plane.supervisor.trigger();
    const row = await waitFor(() => {
      const r = instanceRowsOf(h, brokenId)[0];
      return r && r.state === 'failed' && (r.restarts ?? 0) >= 1 ? r : undefined;
    }, 60_000, 'the broken runtime to fail');
    expect(row.lastError).toMatch(/cuda/i);
    const broken = await infer(h, 'broken', [1, 2, 3, 4]);
    expect(broken.status).toBe(503);
    expect((await infer(h, 'ep', [1, 2, 3, 4])).status).toBe(200);
  }, 90_000);
});
