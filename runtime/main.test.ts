/**
 * The real runtime process on the demo model: protocol surface, results equal to in-process
 * ONNX Runtime, binary data, metrics, the stats stream and identity, and CLI argument errors.
 */
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeStats } from '../protocol/stats';
import { mulberry32 } from '../testing/onnx';
import {
  DEMO_MODEL,
  binaryBody,
  getJson,
  postInfer,
  promValue,
  runCli,
  spawnRuntime,
  type SpawnedRuntime,
} from '../testing/runtime/spawn-runtime';

const OUT = 'softmax_0.tmp_0';
const ITEM = 3 * 48 * 192;

function randomItems(n: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  return Float32Array.from({ length: n * ITEM }, () => rand());
}

describe('runtime process on the demo model', () => {
  let rt: SpawnedRuntime;
  let session: ort.InferenceSession;
  const stats: unknown[] = [];

  beforeAll(async () => {
    rt = await spawnRuntime(['--model', DEMO_MODEL, '--name', 'demo', '--port', '0', '--max-queue-delay-ms', '5', '--instance-id', 'r7']);
    // The stats stream, as the control plane subscribes to it: one NDJSON line per second.
    const stream = await fetch(`${rt.url}/v2/slipway/stats/stream`);
    void (async () => {
      const decoder = new TextDecoder();
      const reader = stream.body!.getReader();
      let buffered = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) if (line) stats.push(JSON.parse(line));
      }
    })().catch(() => undefined);
    session = await ort.InferenceSession.create(DEMO_MODEL, { intraOpNumThreads: 1 });
  });
  afterAll(async () => {
    await rt?.stop();
    await session?.release();
  });

  async function reference(x: Float32Array, n: number): Promise<number[]> {
    const out = await session.run({ x: new ort.Tensor('float32', x, [n, 3, 48, 192]) });
    return Array.from(out[OUT]!.data as Float32Array);
  }

  it('prints a ready line with the port and provider', () => {
    expect(rt.port).toBeGreaterThan(0);
    expect(rt.provider).toBe('cpu');
  });

  it('answers health, server metadata and model metadata like Triton', async () => {
    expect((await fetch(`${rt.url}/v2/health/live`)).status).toBe(200);
    expect((await fetch(`${rt.url}/v2/health/ready`)).status).toBe(200);
    expect((await fetch(`${rt.url}/v2/models/demo/ready`)).status).toBe(200);
    expect((await fetch(`${rt.url}/v2/models/demo/versions/1/ready`)).status).toBe(200);
    const server = await getJson<{ name: string; extensions: string[] }>(`${rt.url}/v2`);
    expect(server.body.extensions).toEqual(expect.arrayContaining(['binary_tensor_data', 'statistics']));
    const meta = await getJson(`${rt.url}/v2/models/demo`);
    expect(meta.body).toEqual({
      name: 'demo',
      versions: ['1'],
      platform: 'onnxruntime_onnx',
      inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 3, -1, -1] }],
      outputs: [{ name: OUT, datatype: 'FP32', shape: [-1, 2] }],
      parameters: { provider: 'cpu', max_batch_size: 32 },
    });
  });

  it('answers a Triton-style model config', async () => {
    const config = await getJson(`${rt.url}/v2/models/demo/config`);
    expect(config.body).toMatchObject({
      name: 'demo',
      platform: 'onnxruntime_onnx',
      max_batch_size: 32,
      input: [{ name: 'x', data_type: 'TYPE_FP32', dims: [3, -1, -1] }],
      output: [{ name: OUT, data_type: 'TYPE_FP32', dims: [2] }],
      dynamic_batching: { preferred_batch_size: [], max_queue_delay_microseconds: 5000 },
      instance_group: [{ count: 1, kind: 'KIND_CPU' }],
      parameters: { provider: 'cpu', intra_op_thread_count: 1, allow_spinning: true },
    });
  });

  it('answers 404 for an unknown model or version', async () => {
    const unknown = await getJson<{ error: string }>(`${rt.url}/v2/models/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/unknown model/);
    expect((await fetch(`${rt.url}/v2/models/demo/versions/7`)).status).toBe(404);
    const infer = await postInfer(rt.url, 'nope', { inputs: [] });
    expect(infer.status).toBe(404);
  });

  it('matches in-process ONNX Runtime for a JSON request of two items', async () => {
    const x = randomItems(2, 1);
    const reply = await postInfer(rt.url, 'demo', { id: 'q1', inputs: [{ name: 'x', datatype: 'FP32', shape: [2, 3, 48, 192], data: Array.from(x) }] });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ id: 'q1', model_name: 'demo', model_version: '1' });
    const out = reply.json.outputs![0]!;
    expect(out.shape).toEqual([2, 2]);
    const want = await reference(x, 2);
    (out.data as number[]).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
  });

  it('matches in-process results for concurrent binary requests batched together, each split back exactly', async () => {
    const n = 12;
    const xs = Array.from({ length: n }, (_, i) => randomItems(1, 100 + i));
    const replies = await Promise.all(
      xs.map((x) => {
        const { body, headers } = binaryBody(
          {
            inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], parameters: { binary_data_size: x.byteLength } }],
            outputs: [{ name: OUT, parameters: { binary_data: true } }],
          },
          x,
        );
        return postInfer(rt.url, 'demo', body, headers);
      }),
    );
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(200);
      expect(reply.json.outputs![0]).toEqual({ name: OUT, datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: 8 } });
      const got = Array.from(new Float32Array(new Uint8Array(reply.binary).buffer));
      const want = await reference(xs[i]!, 1);
      got.forEach((v, j) => expect(v).toBeCloseTo(want[j]!, 5));
    }
    const st = await getJson<{ model_stats: { execution_count: number; inference_count: number }[] }>(`${rt.url}/v2/models/demo/stats`);
    expect(st.body.model_stats[0]!.inference_count).toBeGreaterThanOrEqual(14);
  });

  it('answers bad input with 400 and keeps serving', async () => {
    const bad = await postInfer(rt.url, 'demo', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], data: [1, 2, 3] }] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/input 'x'.*elements/);
    const notJson = await postInfer(rt.url, 'demo', Buffer.from('{{{'));
    expect(notJson.status).toBe(400);
    const good = await postInfer(rt.url, 'demo', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], data: Array.from(randomItems(1, 5)) }] });
    expect(good.status).toBe(200);
  });

  it('exposes Prometheus metrics that parse and count', async () => {
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    for (const line of text.split('\n')) {
      if (line && !line.startsWith('#')) expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? -?[0-9.e+-]+|NaN$/);
    }
    expect(promValue(text, 'slipway_inference_request_success_total')).toBeGreaterThanOrEqual(14);
    expect(promValue(text, 'slipway_inference_request_failure_total', { reason: 'bad_request' })).toBeGreaterThanOrEqual(2);
    expect(promValue(text, 'slipway_inference_exec_count_total')).toBeGreaterThanOrEqual(1);
    expect(promValue(text, 'slipway_inference_request_duration_seconds_count')).toBeGreaterThanOrEqual(16);
    expect(promValue(text, 'slipway_inference_batch_size_count')).toBeGreaterThanOrEqual(1);
    expect(promValue(text, 'slipway_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('says who it is, for a control plane that adopts it', async () => {
    const who = await getJson<Record<string, unknown>>(`${rt.url}/v2/slipway/identity`);
    expect(who.body).toMatchObject({ instanceId: 'r7', pid: rt.child.pid, model: 'demo', version: '1', ready: true, draining: false });
  });

  it('streams a per-second stats message to a subscriber and serves the latest at /v2/slipway/stats', async () => {
    await expect.poll(() => stats.some((m) => RuntimeStats.parse(m).requests > 0), { timeout: 10_000, message: 'a stats message with requests' }).toBe(true);
    const message = stats.find((m) => RuntimeStats.parse(m).requests > 0);
    const parsed = RuntimeStats.parse(message);
    expect(parsed).toMatchObject({ type: 'stats', model: 'demo', version: '1', provider: 'cpu' });
    expect(parsed.latencyHistogram.length).toBeGreaterThan(0);
    const latest = await getJson(`${rt.url}/v2/slipway/stats`);
    expect(latest.status).toBe(200);
    expect(() => RuntimeStats.parse(latest.body)).not.toThrow();
  });
});

describe('runtime CLI', () => {
  it.each<[string, string[], RegExp]>([
    ['no arguments', [], /modelPath|exactly one/],
    ['an unknown flag', ['--model', DEMO_MODEL, '--name', 'x', '--port', '0', '--frobnicate'], /frobnicate/],
    ['a bad batch size', ['--model', DEMO_MODEL, '--name', 'x', '--port', '0', '--max-batch-size', 'many'], /maxBatchSize/],
    ['a dash-led value', ['--model', DEMO_MODEL, '--name', 'x', '--port', '0', '--max-batch-size', '-3'], /max-batch-size/],
  ])('exits 2 with one clear line on %s', async (_name, args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('exits 3 with the reason when the model cannot be loaded', async () => {
    const r = await runCli(['--model', '/nonexistent/model.onnx', '--name', 'x', '--port', '0']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/could not be loaded/);
  });
});
