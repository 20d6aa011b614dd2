/**
 * Deterministic batching through the real process: the SLIPWAY_TEST_HOLD_DISPATCH hook holds
 * dispatch until N requests are queued, so batch sizes, priority order, queue-full and queue
 * timeouts can be asserted exactly (through Triton's stats and the test dispatch log).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MODEL, getJson, postInfer, promValue, spawnRuntime, writeScaleModel, type SpawnedRuntime } from '../testing/runtime/spawn-runtime';

let rt: SpawnedRuntime | undefined;
afterEach(async () => {
  await rt?.stop();
  rt = undefined;
});

async function start(holdUntil: number, extra: string[], model?: string): Promise<SpawnedRuntime> {
  rt = await spawnRuntime(['--model', model ?? (await writeScaleModel(2)), '--name', 'm', '--port', '0', '--max-queue-delay-ms', '0', ...extra], {
    env: { SLIPWAY_TEST_HOLD_DISPATCH: String(holdUntil), SLIPWAY_TEST_HOOKS: '1' },
  });
  return rt;
}

const row = (v: number, id?: string, parameters?: Record<string, number>) => ({
  ...(id && { id }),
  ...(parameters && { parameters }),
  inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [v, v, v, v] }],
});

type Stats = { model_stats: { execution_count: number; batch_stats: { batch_size: number; compute_infer: { count: number } }[] }[] };
async function batchSizes(url: string): Promise<Record<number, number>> {
  const { body } = await getJson<Stats>(`${url}/v2/models/m/stats`);
  return Object.fromEntries(body.model_stats[0]!.batch_stats.map((b) => [b.batch_size, b.compute_infer.count]));
}
async function pending(url: string): Promise<number> {
  return promValue(await (await fetch(`${url}/metrics`)).text(), 'slipway_inference_pending_requests') ?? -1;
}

describe('dynamic batching', () => {
  it('forms exact batches from held requests, capped by max batch size, and splits outputs back', async () => {
    const { url } = await start(5, ['--max-batch-size', '4']);
    const replies = await Promise.all([1, 2, 3, 4, 5].map((v) => postInfer(url, 'm', row(v))));
    replies.forEach((r, i) => expect(r.json.outputs![0]!.data).toEqual(Array(4).fill(2 * (i + 1))));
    expect(await batchSizes(url)).toEqual({ 4: 1, 1: 1 });
  });

  it('dispatches the largest preferred batch size reached', async () => {
    const { url } = await start(5, ['--max-batch-size', '8', '--preferred-batch-sizes', '2,4', '--max-queue-delay-ms', '10000']);
    // The fifth would wait alone for the (long) delay: its own timeout ends it.
    const [replies, late] = await Promise.all([
      Promise.all([1, 2, 3, 4].map((v) => postInfer(url, 'm', row(v)))),
      postInfer(url, 'm', row(5, 'late', { timeout: 300_000 })),
    ]);
    for (const r of replies) expect(r.status).toBe(200);
    expect(late.status).toBe(503);
    expect(await batchSizes(url)).toEqual({ 4: 1 });
  });

  it('never batches requests with different per-item shapes', async () => {
    const { url } = await start(4, ['--max-batch-size', '8'], DEMO_MODEL);
    const img = (h: number, w: number) => ({ inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, h, w], data: Array(3 * h * w).fill(0.5) }] });
    const replies = await Promise.all([img(48, 192), img(32, 100), img(48, 192), img(32, 100)].map((b) => postInfer(url, 'm', b)));
    for (const r of replies) expect(r.status).toBe(200);
    const sizes = await batchSizes(url);
    expect(Object.keys(sizes).map(Number).every((s) => s <= 2)).toBe(true);
    expect(Object.entries(sizes).reduce((n, [s, c]) => n + Number(s) * c, 0)).toBe(4);
  });

  it('runs a higher-priority request (lower number) ahead of earlier default ones', async () => {
    const { url } = await start(3, ['--max-batch-size', '1']);
    const a = postInfer(url, 'm', row(1, 'a'));
    await expect.poll(() => pending(url), { timeout: 10_000, message: 'a queued' }).toBe(1);
    const b = postInfer(url, 'm', row(2, 'b'));
    await expect.poll(() => pending(url), { timeout: 10_000, message: 'b queued' }).toBe(2);
    const c = postInfer(url, 'm', row(3, 'c', { priority: 1 }));
    await Promise.all([a, b, c]);
    const log = await getJson<{ ids: string[] }>(`${url}/v2/slipway/test/dispatch-log`);
    expect(log.body.ids).toEqual(['c', 'a', 'b']);
  });

  it('answers 503 at once when the queue is full', async () => {
    const { url } = await start(100, ['--max-queue-size', '2']);
    const held = [postInfer(url, 'm', row(1)), postInfer(url, 'm', row(2))];
    await expect.poll(() => pending(url), { timeout: 10_000, message: 'two queued' }).toBe(2);
    const full = await postInfer(url, 'm', row(3));
    expect(full.status).toBe(503);
    expect(full.json.error).toMatch(/queue is full/);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(promValue(text, 'slipway_inference_request_failure_total', { reason: 'queue_full' })).toBe(1);
    void held; // still held when the process stops
  });

  it('times out queued requests with 503 (request timeout shortens the queue timeout) and never runs them', async () => {
    const { url } = await start(100, ['--queue-timeout-ms', '60000']);
    const short = await postInfer(url, 'm', row(1, 'short', { timeout: 50_000 }));
    expect(short.status).toBe(503);
    expect(short.json.error).toMatch(/timed out/);
    const { body } = await getJson<Stats>(`${url}/v2/models/m/stats`);
    expect(body.model_stats[0]!.execution_count).toBe(0);
  });
});

describe('instance failure', () => {
  it('fails the batch a dying worker held with 500, replaces the worker, and serves again', async () => {
    const { url } = await start(0, ['--max-batch-size', '4', '--instances', '1']);
    expect((await postInfer(url, 'm', row(1))).status).toBe(200);
    await fetch(`${url}/v2/slipway/test/crash-next-batch`, { method: 'POST' });
    const crashed = await postInfer(url, 'm', row(2));
    expect(crashed.status).toBe(500);
    expect(crashed.json.error).toMatch(/exited/);
    const after = await vi.waitFor(
      async () => {
        const r = await postInfer(url, 'm', row(3));
        if (r.status !== 200) throw new Error(`still ${r.status}: waiting for a replacement instance`);
        return r;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(after.json.outputs![0]!.data).toEqual([6, 6, 6, 6]);
  });
});

describe('preferredBatchSizes auto', () => {
  type Config = { dynamic_batching: { preferred_batch_size: number[] }; parameters: { preferred_batch_size_auto?: boolean; batch_profile?: { chosen: number | null; points: { batch_size: number; samples: number }[] }[] } };

  it('under load, learns the cheapest batch size from the batches it runs, and shows the profile in /config', async () => {
    rt = await spawnRuntime(['--model', await writeScaleModel(2), '--name', 'm', '--port', '0', '--max-batch-size', '8', '--preferred-batch-sizes', 'auto']);
    const { url } = rt;
    const idle = (await getJson<Config>(`${url}/v2/models/m/config`)).body;
    expect(idle.parameters.preferred_batch_size_auto).toBe(true);
    expect(idle.dynamic_batching.preferred_batch_size).toEqual([]); // nothing learned yet
    // A closed loop of 16 clients keeps requests waiting, so every batch is a sample; bounded by count.
    let sent = 0;
    let learned: Config | undefined;
    const client = async () => {
      while (!learned && sent < 4000) {
        sent++;
        expect((await postInfer(url, 'm', row(1))).status).toBe(200);
        if (sent % 50 === 0) {
          const c = (await getJson<Config>(`${url}/v2/models/m/config`)).body;
          if (c.parameters.batch_profile?.[0]?.chosen) learned = c;
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    expect(learned, `no batch size learned after ${sent} requests`).toBeDefined();
    const profile = learned!.parameters.batch_profile![0]!;
    expect(profile.points.map((p) => p.batch_size)).toEqual([1, 2, 4, 8]);
    for (const p of profile.points) expect(p.samples).toBeGreaterThanOrEqual(5);
    expect(learned!.dynamic_batching.preferred_batch_size).toEqual([profile.chosen]);
    // Batches of every profiled size really ran (exploration), as Triton's stats count them.
    expect(Object.keys(await batchSizes(url)).map(Number)).toEqual(expect.arrayContaining([1, 2, 4, 8]));
  });
});

describe('graceful drain', () => {
  it('finishes queued and running requests on SIGTERM, refuses new ones, and exits 0', async () => {
    const { url, child, exited } = await start(100, []);
    const held = [1, 2, 3].map((v) => postInfer(url, 'm', row(v)));
    await expect.poll(() => pending(url), { timeout: 10_000, message: 'three queued' }).toBe(3);
    child.kill('SIGTERM');
    const replies = await Promise.all(held);
    replies.forEach((r, i) => expect(r.json.outputs![0]!.data).toEqual(Array(4).fill(2 * (i + 1))));
    const late = await postInfer(url, 'm', row(9)).catch(() => ({ status: 503 }));
    expect(late.status).toBe(503); // refused while draining, or the listener is already closed
    expect(await exited).toBe(0);
    rt = undefined;
  });
});
