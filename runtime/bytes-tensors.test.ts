/**
 * BYTES (string) tensors through the real runtime process on a generated model with string
 * inputs and outputs: HTTP JSON, HTTP binary, gRPC raw and typed contents all equal ONNX Runtime
 * run directly; concurrent requests batched together each get their own strings; the response
 * cache tells string data apart; bad string input is a 400 / INVALID_ARGUMENT and serving goes on.
 */
import { status } from '@grpc/grpc-js';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f32, grpcClient, grpcFailure, rawOf, type GrpcTestClient } from '../testing/grpc/client';
import { stringsModel, writeModelFile } from '../testing/onnx';
import { binaryBody, getJson, postInfer, spawnRuntime, type SpawnedRuntime } from '../testing/runtime/spawn-runtime';
import { prefixed, unprefixed } from '../testing/bytes';

const TEXT = ['héllo', '', 'a longer string, with commas', '日本'];
const X = [1.5, -2, 3, 0.25];

let rt: SpawnedRuntime;
let client: GrpcTestClient;
let session: ort.InferenceSession;
/** What ONNX Runtime answers for two items of `text` and `x`, run in this process. */
async function direct(text: string[], x: number[]): Promise<{ echo: string[]; doubled: string[]; y: number[] }> {
  const items = text.length / 2;
  const out = await session.run({ text: new ort.Tensor('string', text, [items, 2]), x: new ort.Tensor('float32', Float32Array.from(x), [items, 2]) });
  return { echo: out.echo!.data as string[], doubled: out.doubled!.data as string[], y: Array.from(out.y!.data as Float32Array) };
}

beforeAll(async () => {
  const path = await writeModelFile(stringsModel());
  // A queue delay lets concurrent requests meet in one batch; the cache is on to test its key.
  rt = await spawnRuntime(['--model', path, '--name', 'str', '--port', '0', '--grpc-port', '0', '--max-queue-delay-ms', '100', '--cache-max-bytes', '100000']);
  client = grpcClient(`127.0.0.1:${rt.grpcPort}`);
  session = await ort.InferenceSession.create(path);
}, 120_000);
afterAll(async () => {
  client?.close();
  await session?.release();
  await rt?.stop();
});

describe('BYTES through the runtime', () => {
  it('serves the signature as BYTES and TYPE_STRING', async () => {
    const meta = await getJson<{ inputs: unknown[]; outputs: unknown[] }>(`${rt.url}/v2/models/str`);
    expect(meta.body.inputs).toEqual([{ name: 'text', datatype: 'BYTES', shape: [-1, 2] }, { name: 'x', datatype: 'FP32', shape: [-1, 2] }]);
    const config = await getJson<{ input: { name: string; data_type: string }[] }>(`${rt.url}/v2/models/str/config`);
    expect(config.body.input[0]).toMatchObject({ name: 'text', data_type: 'TYPE_STRING' });
  });

  it('HTTP JSON: strings in data, strings out, equal to ONNX Runtime', async () => {
    const want = await direct(TEXT, X);
    const reply = await postInfer(rt.url, 'str', {
      inputs: [
        { name: 'text', datatype: 'BYTES', shape: [2, 2], data: [TEXT.slice(0, 2), TEXT.slice(2)] },
        { name: 'x', datatype: 'FP32', shape: [2, 2], data: X },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.json.outputs).toEqual([
      { name: 'echo', datatype: 'BYTES', shape: [2, 2], data: want.echo },
      { name: 'doubled', datatype: 'BYTES', shape: [2, 4], data: want.doubled },
      { name: 'y', datatype: 'FP32', shape: [2, 2], data: want.y },
    ]);
  });

  it('HTTP binary: length-prefixed elements in, length-prefixed elements out', async () => {
    const want = await direct(TEXT, X);
    const text = prefixed(TEXT);
    const { body, headers } = binaryBody(
      {
        inputs: [
          { name: 'text', datatype: 'BYTES', shape: [2, 2], parameters: { binary_data_size: text.length } },
          { name: 'x', datatype: 'FP32', shape: [2, 2], data: X },
        ],
        outputs: [{ name: 'doubled', parameters: { binary_data: true } }, { name: 'echo', parameters: { binary_data: true } }],
      },
      text,
    );
    const reply = await postInfer(rt.url, 'str', body, headers);
    expect(reply.status).toBe(200);
    const doubledSize = prefixed(want.doubled).length;
    expect(reply.json.outputs).toEqual([
      { name: 'doubled', datatype: 'BYTES', shape: [2, 4], parameters: { binary_data_size: doubledSize } },
      { name: 'echo', datatype: 'BYTES', shape: [2, 2], parameters: { binary_data_size: text.length } },
    ]);
    expect(unprefixed(reply.binary.subarray(0, doubledSize))).toEqual(want.doubled);
    expect(Buffer.compare(reply.binary.subarray(doubledSize), text)).toBe(0);
  });

  it('gRPC raw and typed (bytes_contents) contents agree with ONNX Runtime', async () => {
    const want = await direct(TEXT, X);
    const x = Float32Array.from(X);
    const raw = await client.infer({
      model_name: 'str',
      inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2] }, { name: 'x', datatype: 'FP32', shape: [2, 2] }],
      raw_input_contents: [prefixed(TEXT), rawOf(x)],
    });
    const typed = await client.infer({
      model_name: 'str',
      inputs: [
        { name: 'text', datatype: 'BYTES', shape: [2, 2], contents: { bytes_contents: TEXT.map((t) => Buffer.from(t)) } },
        { name: 'x', datatype: 'FP32', shape: [2, 2], contents: { fp32_contents: X } },
      ],
    });
    for (const res of [raw, typed]) {
      expect(res.outputs.map((o) => [o.name, o.datatype, o.shape])).toEqual([['echo', 'BYTES', ['2', '2']], ['doubled', 'BYTES', ['2', '4']], ['y', 'FP32', ['2', '2']]]);
      expect(unprefixed(res.raw_output_contents[0]!)).toEqual(want.echo);
      expect(unprefixed(res.raw_output_contents[1]!)).toEqual(want.doubled);
      expect(f32(res.raw_output_contents[2]!)).toEqual(want.y);
    }
  });

  it('concurrent requests batched together each get their own strings back', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => ['x'.repeat(i), `item ${i}`]);
    const replies = await Promise.all(
      texts.map((text, i) => postInfer(rt.url, 'str', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], data: text }, { name: 'x', datatype: 'FP32', shape: [1, 2], data: [i, i] }] })),
    );
    replies.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.json.outputs![0]!.data).toEqual(texts[i]);
      expect(r.json.outputs![1]!.data).toEqual([...texts[i]!, ...texts[i]!]);
    });
    const stats = await getJson<{ model_stats: { batch_stats: { batch_size: number }[] }[] }>(`${rt.url}/v2/models/str/stats`);
    expect(Math.max(...stats.body.model_stats[0]!.batch_stats.map((b) => b.batch_size))).toBeGreaterThan(1);
  });

  it('the response cache tells string data apart, and answers a repeat', async () => {
    const ask = (text: string[]) => postInfer(rt.url, 'str', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], data: text }, { name: 'x', datatype: 'FP32', shape: [1, 2], data: [7, 7] }] });
    const hits = async () => (await getJson<{ model_stats: { inference_stats: { cache_hit: { count: number } } }[] }>(`${rt.url}/v2/models/str/stats`)).body.model_stats[0]!.inference_stats.cache_hit.count;
    const before = await hits();
    expect((await ask(['ab', 'c'])).json.outputs![0]!.data).toEqual(['ab', 'c']);
    expect((await ask(['a', 'bc'])).json.outputs![0]!.data).toEqual(['a', 'bc']);
    expect(await hits()).toBe(before);
    expect((await ask(['ab', 'c'])).json.outputs![0]!.data).toEqual(['ab', 'c']);
    expect(await hits()).toBe(before + 1);
  });
});

describe('bad BYTES input', () => {
  const x = { name: 'x', datatype: 'FP32', shape: [1, 2], data: [1, 2] };
  const binaryText = (wire: Buffer) =>
    binaryBody({ inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }, x] }, wire);

  it.each<[string, () => { body: unknown; headers?: Record<string, string> }, RegExp]>([
    ['an element length running past the buffer', () => binaryText(Buffer.concat([prefixed(['ok']), Buffer.from([0xff, 0, 0, 0, 1])])), /BYTES element 1 claims 255 bytes but 1 remain/],
    ['BYTES sent to the FP32 input', () => ({ body: { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], data: ['a', 'b'] }, { ...x, datatype: 'BYTES', data: ['1', '2'] }] } }), /'x' has datatype BYTES; the model expects FP32/],
    ['FP32 sent to the BYTES input', () => ({ body: { inputs: [{ name: 'text', datatype: 'FP32', shape: [1, 2], data: [1, 2] }, x] } }), /'text' has datatype FP32; the model expects BYTES/],
    ['numbers as BYTES data', () => ({ body: { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], data: [1, 2] }, x] } }), /not a string for BYTES/],
    ['an element that is not UTF-8', () => binaryText(prefixed(['a', Buffer.from([0xc3, 0x28])])), /not valid UTF-8/],
  ])('HTTP: %s is a 400', async (_name, make, message) => {
    const { body, headers } = make();
    const reply = await postInfer(rt.url, 'str', body, headers);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(message);
  });

  it.each<[string, object, RegExp]>([
    ['an element length running past the buffer', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2] }, { name: 'x', datatype: 'FP32', shape: [1, 2] }], raw_input_contents: [Buffer.from([9, 0, 0, 0, 1]), rawOf(Float32Array.of(1, 2))] }, /BYTES element 0 claims 9 bytes/],
    ['bytes_contents for the FP32 input', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], contents: { bytes_contents: [Buffer.from('a'), Buffer.from('b')] } }, { name: 'x', datatype: 'BYTES', shape: [1, 2], contents: { bytes_contents: [Buffer.from('1'), Buffer.from('2')] } }] }, /'x' has datatype BYTES; the model expects FP32/],
    ['fp32_contents for the BYTES input', { inputs: [{ name: 'text', datatype: 'FP32', shape: [1, 2], contents: { fp32_contents: [1, 2] } }, { name: 'x', datatype: 'FP32', shape: [1, 2], contents: { fp32_contents: [1, 2] } }] }, /'text' has datatype FP32; the model expects BYTES/],
    ['fewer bytes_contents than the shape', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], contents: { bytes_contents: [Buffer.from('a')] } }, { name: 'x', datatype: 'FP32', shape: [1, 2], contents: { fp32_contents: [1, 2] } }] }, /bytes_contents has 1 elements but shape \[1,2\] needs 2/],
  ])('gRPC: %s is INVALID_ARGUMENT', async (_name, request, message) => {
    const failure = await grpcFailure(client.infer({ model_name: 'str', ...request } as never));
    expect(failure.code).toBe(status.INVALID_ARGUMENT);
    expect(failure.details).toMatch(message);
  });

  it('the process keeps serving strings after every refusal', async () => {
    expect(rt.child.exitCode).toBeNull();
    const reply = await postInfer(rt.url, 'str', { inputs: [{ name: 'text', datatype: 'BYTES', shape: [1, 2], data: ['still', 'here'] }, x] });
    expect(reply.status).toBe(200);
    expect(reply.json.outputs![1]!.data).toEqual(['still', 'here', 'still', 'here']);
  });
});
