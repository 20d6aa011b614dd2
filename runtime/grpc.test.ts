/**
 * The runtime's KServe v2 gRPC service (`--grpc-port`) driven by a client generated from our
 * proto: answers equal ONNX Runtime run directly (demo model, several inputs, INT64 and FP16),
 * typed contents and raw contents agree, classification, streaming, every bad input with its
 * status (the server goes on), and the runtime's /metrics accepted by promtool.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status, type Client } from '@grpc/grpc-js';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMulModel, classifierModel, mixedTypesModel, writeModelFile } from '../testing/onnx';
import { f32, grpcClient, grpcFailure, rawOf, type GrpcTestClient } from '../testing/grpc/client';
import { DEMO_MODEL, spawnRuntime, type SpawnedRuntime } from '../testing/runtime/spawn-runtime';

const running: { rt: SpawnedRuntime; client: GrpcTestClient }[] = [];
async function start(modelPath: string, name: string, extra: string[] = []) {
  const rt = await spawnRuntime(['--model', modelPath, '--name', name, '--port', '0', '--grpc-port', '0', ...extra]);
  const client = grpcClient(`127.0.0.1:${rt.grpcPort}`);
  running.push({ rt, client });
  return { rt, client };
}
afterAll(async () => {
  for (const r of running) r.client.close();
  await Promise.all(running.map((r) => r.rt.stop()));
});

const DEMO_SHAPE = [1, 3, 48, 192];
const demoInput = Float32Array.from({ length: 3 * 48 * 192 }, (_, i) => ((i * 7919) % 255) / 255);

/** Sends bytes as they are (no protobuf encoding), to test what malformed messages get. */
function rawUnary(client: Client, method: string, bytes: Buffer): Promise<{ code: number; details: string }> {
  return new Promise((resolve) => {
    client.makeUnaryRequest(`/inference.GRPCInferenceService/${method}`, (b: Buffer) => b, (b: Buffer) => b, bytes, (err) => resolve({ code: err?.code ?? status.OK, details: err?.details ?? '' }));
  });
}

describe('runtime gRPC on the demo model', () => {
  let client: GrpcTestClient;
  let expected: number[];
  beforeAll(async () => {
    ({ client } = await start(DEMO_MODEL, 'demo'));
    const session = await ort.InferenceSession.create(DEMO_MODEL);
    const out = await session.run({ x: new ort.Tensor('float32', demoInput, DEMO_SHAPE) });
    expected = Array.from(out[session.outputNames[0]!]!.data as Float32Array);
    await session.release();
  }, 120_000);

  it('answers health, metadata, config and statistics', async () => {
    expect(await client.call('ServerLive', {})).toEqual({ live: true });
    expect(await client.call('ServerReady', {})).toEqual({ ready: true });
    expect(await client.call('ModelReady', { name: 'demo', version: '1' })).toEqual({ ready: true });
    const server = await client.call<{ extensions: string[] }>('ServerMetadata', {});
    expect(server.extensions).toEqual(expect.arrayContaining(['binary_tensor_data', 'statistics', 'model_configuration', 'classification']));
    const meta = await client.call<{ name: string; versions: string[]; inputs: { name: string; datatype: string; shape: string[] }[] }>('ModelMetadata', { name: 'demo', version: '' });
    expect(meta).toMatchObject({ name: 'demo', versions: ['1'], inputs: [{ name: 'x', datatype: 'FP32', shape: ['-1', '3', '-1', '-1'] }] });
    const config = await client.call<{ config: { name: string; max_batch_size: number; input: { data_type: string }[] } }>('ModelConfig', { name: 'demo', version: '' });
    expect(config.config).toMatchObject({ name: 'demo', max_batch_size: 32, input: [{ data_type: 'TYPE_FP32' }] });
    const stats = await client.call<{ model_stats: { name: string; version: string }[] }>('ModelStatistics', { name: 'demo', version: '1' });
    expect(stats.model_stats).toMatchObject([{ name: 'demo', version: '1' }]);
  });

  it('ModelInfer with raw contents equals ONNX Runtime run directly, and echoes the id', async () => {
    const res = await client.infer({ model_name: 'demo', id: 'req-1', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [rawOf(demoInput)] });
    expect(res).toMatchObject({ model_name: 'demo', model_version: '1', id: 'req-1', outputs: [{ name: 'softmax_0.tmp_0', datatype: 'FP32', shape: ['1', '2'] }] });
    expect(f32(res.raw_output_contents[0]!)).toEqual(expected);
  });

  it('typed fp32_contents give the same answer as raw contents', async () => {
    const res = await client.infer({ model_name: 'demo', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE, contents: { fp32_contents: Array.from(demoInput) } }] });
    expect(f32(res.raw_output_contents[0]!)).toEqual(expected);
  });

  it.each([
    ['raw contents shorter than shape × datatype', { inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [Buffer.alloc(12)] }, status.INVALID_ARGUMENT, /raw_input_contents has 12 bytes/],
    ['more raw buffers than inputs', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 1, 1] }], raw_input_contents: [Buffer.alloc(12), Buffer.alloc(12)] }, status.INVALID_ARGUMENT, /expected 1 raw_input_contents/],
    ['an unknown input', { inputs: [{ name: 'nope', datatype: 'FP32', shape: [1, 3, 1, 1] }], raw_input_contents: [Buffer.alloc(12)] }, status.INVALID_ARGUMENT, /unknown input 'nope'/],
    ['an unknown output', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 1, 1] }], raw_input_contents: [Buffer.alloc(12)], outputs: [{ name: 'nope' }] }, status.INVALID_ARGUMENT, /unknown output 'nope'/],
    ['a wrong datatype', { inputs: [{ name: 'x', datatype: 'INT32', shape: [1, 3, 1, 1] }], raw_input_contents: [Buffer.alloc(12)] }, status.INVALID_ARGUMENT, /datatype INT32; the model expects FP32/],
    ['BF16', { inputs: [{ name: 'x', datatype: 'BF16', shape: [1, 3, 1, 1] }], raw_input_contents: [Buffer.alloc(6)] }, status.INVALID_ARGUMENT, /BF16/],
    ['huge dims', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 100000, 100000] }], raw_input_contents: [Buffer.alloc(12)] }, status.INVALID_ARGUMENT, /needs/],
    ['contents that do not fill the shape', { inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 3, 1, 1], contents: { fp32_contents: [1] } }] }, status.INVALID_ARGUMENT, /has 1 elements but shape/],
    ['an unknown model', { model_name: 'other', inputs: [] }, status.NOT_FOUND, /Request for unknown model: 'other' is not found/],
    ['an unknown version', { model_version: '2', inputs: [] }, status.NOT_FOUND, /'demo' version 2 is not found/],
  ])('%s: %s', async (_name, request, code, message) => {
    const failure = await grpcFailure(client.infer({ model_name: 'demo', ...request } as never));
    expect(failure.code).toBe(code);
    expect(failure.details).toMatch(message);
  });

  it('a malformed protobuf is INVALID_ARGUMENT, and the server goes on', async () => {
    // Field 15 with wire type 7, which does not exist.
    const failure = await rawUnary(client.raw, 'ModelInfer', Buffer.from([0x7f, 0x01]));
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toMatch(/not a valid ModelInfer message/);
    expect(await client.call('ServerLive', {})).toEqual({ live: true });
  });

  it('a stream answers each request by id, errors in error_message, and goes on', async () => {
    const stream = client.stream();
    const answers: { error_message: string; infer_response: { id: string } | null }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      stream.on('data', (m: (typeof answers)[number]) => answers.push(m));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    stream.write({ model_name: 'demo', id: 'a', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [rawOf(demoInput)] });
    stream.write({ model_name: 'demo', id: 'bad', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [Buffer.alloc(4)] });
    stream.write({ model_name: 'demo', id: 'b', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [rawOf(demoInput)] });
    stream.end();
    await done;
    const byId = new Map(answers.map((a) => [a.infer_response?.id, a]));
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'bad']);
    expect(byId.get('a')!.error_message).toBe('');
    expect(byId.get('b')!.error_message).toBe('');
    expect(byId.get('bad')!.error_message).toMatch(/raw_input_contents has 4 bytes/);
  });

  it('a stream that sends garbage and then a valid request gets an error, then its answer', async () => {
    const stream = client.raw.makeBidiStreamRequest('/inference.GRPCInferenceService/ModelStreamInfer', (b: Buffer) => b, (b: Buffer) => b);
    const frames: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      stream.on('data', (b: Buffer) => frames.push(b));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    stream.write(Buffer.from([0xff, 0xff, 0xff]));
    // A valid ModelInferRequest: model_name "demo" (field 1) and no inputs, which the model refuses by name.
    stream.write(Buffer.from([0x0a, 0x04, ...Buffer.from('demo'), 0x1a, 0x02, ...Buffer.from('ok')]));
    stream.end();
    await done;
    expect(frames).toHaveLength(2);
    const text = frames.map((f) => f.toString('latin1'));
    expect(text.some((t) => t.includes('not a valid ModelStreamInfer message'))).toBe(true);
    expect(text.some((t) => t.includes('missing input(s): x') && t.includes('ok'))).toBe(true);
  });
});

describe('runtime gRPC on generated models', () => {
  it('several inputs, requested outputs: equal to ONNX Runtime', async () => {
    const path = await writeModelFile(addMulModel());
    const { client } = await start(path, 'addmul');
    const a = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const b = Float32Array.of(8, 7, 6, 5, 4, 3, 2, 1);
    const res = await client.infer({ model_name: 'addmul', inputs: [{ name: 'a', datatype: 'FP32', shape: [2, 4] }, { name: 'b', datatype: 'FP32', shape: [2, 4] }], raw_input_contents: [rawOf(a), rawOf(b)], outputs: [{ name: 'product' }] });
    const session = await ort.InferenceSession.create(path);
    const direct = await session.run({ a: new ort.Tensor('float32', a, [2, 4]), b: new ort.Tensor('float32', b, [2, 4]) });
    await session.release();
    expect(res.outputs.map((o) => o.name)).toEqual(['product']);
    expect(f32(res.raw_output_contents[0]!)).toEqual(Array.from(direct.product!.data as Float32Array));
  }, 120_000);

  it('INT64 (typed, exact past 2^53) and FP16 (raw)', async () => {
    const { client } = await start(await writeModelFile(mixedTypesModel()), 'mixed');
    const h = Uint16Array.of(0x3c00, 0xc000); // 1.0, -2.0
    const res = await client.infer({
      model_name: 'mixed',
      inputs: [
        { name: 'ids', datatype: 'INT64', shape: [1, 3], contents: { int64_contents: ['9007199254740993', '-5', '0'] } },
        { name: 'h', datatype: 'FP16', shape: [1, 2], contents: null },
      ],
      raw_input_contents: [],
    } as never).catch((e: unknown) => e);
    // FP16 has no typed contents field: it must come raw, so a request that mixes is refused by name.
    expect((res as { details: string }).details).toMatch(/FP16 must be sent in raw_input_contents/);
    const ids = BigInt64Array.of(9007199254740993n, -5n, 0n);
    const ok = await client.infer({ model_name: 'mixed', inputs: [{ name: 'ids', datatype: 'INT64', shape: [1, 3] }, { name: 'h', datatype: 'FP16', shape: [1, 2] }], raw_input_contents: [rawOf(ids), rawOf(h)] });
    const out = ok.raw_output_contents.map((r) => Buffer.from(r));
    expect(Array.from(new BigInt64Array(out[0]!.buffer, out[0]!.byteOffset, 3))).toEqual([9007199254740994n, -4n, 1n]);
    expect(Array.from(new Uint16Array(out[1]!.buffer.slice(out[1]!.byteOffset, out[1]!.byteOffset + 4)))).toEqual([0x3c00, 0xc000]);
  }, 120_000);

  it('classification: class_count answers the top classes as "value:index" BYTES', async () => {
    const { client } = await start(await writeModelFile(classifierModel({ features: 4, classes: 5, seed: 3 })), 'cls');
    const x = Float32Array.of(0.5, -1, 2, 0.25);
    const full = await client.infer({ model_name: 'cls', inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4] }], raw_input_contents: [rawOf(x)] });
    const scores = f32(full.raw_output_contents[0]!);
    const top = scores.map((v, i) => [v, i] as const).sort((p, q) => q[0] - p[0]).slice(0, 2);
    const outName = full.outputs[0]!.name;
    const res = await client.infer({ model_name: 'cls', inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4] }], raw_input_contents: [rawOf(x)], outputs: [{ name: outName, parameters: { class_count: { int64_param: 2 } } }] });
    expect(res.outputs[0]).toMatchObject({ name: outName, datatype: 'BYTES', shape: ['1', '2'] });
    const raw = Buffer.from(res.raw_output_contents[0]!);
    const labels: string[] = [];
    for (let at = 0; at < raw.length; ) {
      const n = raw.readUInt32LE(at);
      labels.push(raw.subarray(at + 4, at + 4 + n).toString('utf8'));
      at += 4 + n;
    }
    expect(labels).toEqual(top.map(([v, i]) => `${v.toFixed(6)}:${i}`));
  }, 120_000);

  it('a message over the body limit is refused (RESOURCE_EXHAUSTED) and the next one served', async () => {
    const { client } = await start(await writeModelFile(addMulModel()), 'small', ['--max-body-bytes', '4096']);
    const big = new Float32Array(2048 * 4);
    const failure = await grpcFailure(client.infer({ model_name: 'small', inputs: [{ name: 'a', datatype: 'FP32', shape: [2048, 4] }, { name: 'b', datatype: 'FP32', shape: [2048, 4] }], raw_input_contents: [rawOf(big), rawOf(big)] }));
    expect(failure.code).toBe(status.RESOURCE_EXHAUSTED);
    const ok = await client.infer({ model_name: 'small', inputs: [{ name: 'a', datatype: 'FP32', shape: [1, 4] }, { name: 'b', datatype: 'FP32', shape: [1, 4] }], raw_input_contents: [rawOf(new Float32Array(4)), rawOf(new Float32Array(4))] });
    expect(ok.outputs).toHaveLength(2);
  }, 120_000);
});

describe('runtime /metrics', () => {
  it('passes promtool check metrics after traffic', async () => {
    const { rt, client } = running[0]!;
    await client.infer({ model_name: 'demo', inputs: [{ name: 'x', datatype: 'FP32', shape: DEMO_SHAPE }], raw_input_contents: [rawOf(demoInput)] });
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    const file = join(tmpdir(), `slipway-metrics-${process.pid}.txt`);
    writeFileSync(file, text);
    // promtool exits non-zero and names each problem; the output is kept for the failure message.
    let problems = '';
    try {
      execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: readFileSync(file), stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      problems = `${(err as { stdout?: Buffer }).stdout?.toString() ?? ''}${(err as { stderr?: Buffer }).stderr?.toString() ?? ''}` || String(err);
    }
    expect(problems).toBe('');
    expect(text).toContain('slipway_inference_queue_duration_seconds_total');
  });
});
