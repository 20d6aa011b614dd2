/**
 * Fuzz: a few thousand seeded random mutations of valid JSON and binary inference requests
 * against the real process. Every answer must be a 200 or a 400 (never a 500, a hang or a
 * crash), and afterwards the process must still answer a valid request correctly. A model with
 * string (BYTES) tensors gets string mutations over HTTP, and its gRPC port (`--grpc-port`)
 * mutated ModelInfer messages: OK, INVALID_ARGUMENT or NOT_FOUND only, and it serves after.
 */
import { credentials, status, type Client } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferenceClientConstructor } from '../protocol/grpc/load';
import { addMulModel, mulberry32, stringsModel, writeModelFile } from '../testing/onnx';
import { encodeInferRequest, rawInfer } from '../testing/fuzz/grpc';
import { INHERITED_KEYS, inheritedKeyPath, mutateBytes, mutateJson, mutateStringElements, pick, type Json, type Rand } from '../testing/fuzz/mutations';
import { rawOf } from '../testing/grpc/client';
import { postInfer, spawnRuntime, type SpawnedRuntime } from '../testing/runtime/spawn-runtime';

const SEED = 20261122;
const MUTATIONS = 2500;
const STRING_MUTATIONS = 1000;
const GRPC_MUTATIONS = 1500;
const CONCURRENCY = 8;

const validJson = (): { [k: string]: Json } => ({
  id: 'fz',
  inputs: [
    { name: 'a', datatype: 'FP32', shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7, 8] },
    { name: 'b', datatype: 'FP32', shape: [2, 4], data: [[1, 1, 1, 1], [2, 2, 2, 2]] },
  ],
  outputs: [{ name: 'sum' }, { name: 'product', parameters: { binary_data: true } }],
  parameters: { priority: 0 },
});

function binaryRequest(rand: Rand): { body: Buffer; headers: Record<string, string> } {
  const header = {
    inputs: [
      { name: 'a', datatype: 'FP32', shape: [1, 4], parameters: { binary_data_size: 16 } },
      { name: 'b', datatype: 'FP32', shape: [1, 4], parameters: { binary_data_size: 16 } },
    ],
    parameters: { binary_data_output: true },
  };
  const head = Buffer.from(JSON.stringify(rand() < 0.5 ? header : mutateJson(rand, validJson)));
  let body: Buffer = Buffer.concat([head, Buffer.from(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer)]);
  if (rand() < 0.5) body = mutateBytes(rand, body);
  const hl = rand() < 0.7 ? String(head.byteLength) : pick(rand, ['0', '-5', 'abc', '99999999', String(head.byteLength + 3), ' 12']);
  return { body, headers: { 'inference-header-content-length': hl } };
}

function mutation(rand: Rand): { body: Buffer; headers: Record<string, string> } {
  const kind = rand();
  if (kind < 0.45) return { body: Buffer.from(JSON.stringify(mutateJson(rand, validJson))), headers: {} };
  if (kind < 0.7) return { body: mutateBytes(rand, Buffer.from(JSON.stringify(validJson()))), headers: {} };
  return binaryRequest(rand);
}

describe('fuzzing the inference endpoint', () => {
  let rt: SpawnedRuntime;
  beforeAll(async () => {
    rt = await spawnRuntime(['--model', await writeModelFile(addMulModel()), '--name', 'fz', '--port', '0', '--max-body-bytes', '65536']);
  });
  afterAll(async () => {
    await rt?.stop();
  });

  it(`survives ${MUTATIONS} seeded mutations with only 200/400 answers and still answers correctly`, { timeout: 240_000 }, async () => {
    const rand = mulberry32(SEED);
    const requests = Array.from({ length: MUTATIONS }, () => mutation(rand));
    const statuses = new Map<number, number>();
    let next = 0;
    const unexpected: string[] = [];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const i = next++;
          const { body, headers } = requests[i]!;
          const res = await fetch(`${rt.url}/v2/models/fz/infer`, { method: 'POST', headers, body: new Uint8Array(body) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status !== 200 && res.status !== 400 && unexpected.length < 5) unexpected.push(`#${i}: ${res.status} for ${body.subarray(0, 300).toString()}`);
        }
      }),
    );
    expect(unexpected).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(MUTATIONS / 4);
    expect(statuses.get(200)).toBeGreaterThan(0); // some mutations stay valid (e.g. changed values)
    expect(rt.child.exitCode).toBeNull();

    const reply = await postInfer(rt.url, 'fz', validJson());
    expect(reply.status).toBe(200);
    expect(reply.json.outputs![0]).toEqual({ name: 'sum', datatype: 'FP32', shape: [2, 4], data: [2, 3, 4, 5, 7, 8, 9, 10] });
    expect(Array.from(new Float32Array(new Uint8Array(reply.binary).buffer))).toEqual([1, 2, 3, 4, 10, 12, 14, 16]);
  });

  it('answers 404 to every inherited key as a model name or version, and still serves', async () => {
    const rand = mulberry32(SEED + 1);
    const unexpected: string[] = [];
    for (let i = 0; i < 200; i++) {
      const { method, path } = inheritedKeyPath(rand, 'fz');
      const res = await fetch(`${rt.url}${path}`, method === 'POST' ? { method, body: JSON.stringify(validJson()) } : {});
      const body = await res.text();
      if (res.status !== 404 && unexpected.length < 5) unexpected.push(`${method} ${path}: ${res.status} ${body.slice(0, 200)}`);
    }
    expect(unexpected).toEqual([]);
    expect((await postInfer(rt.url, 'fz', validJson())).status).toBe(200);
  });
});

/** Runs `count` jobs, CONCURRENCY at a time, in order of index. */
async function runAll(count: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await job(next++);
  }));
}

const TEXT = ['a', 'é', '', 'a longer one'];
const prefixed = (values: string[]) => Buffer.concat(values.flatMap((v) => [Buffer.from(Uint32Array.of(Buffer.byteLength(v)).buffer), Buffer.from(v)]));

const validStrings = (): { [k: string]: Json } => ({
  inputs: [
    { name: 'text', datatype: 'BYTES', shape: [2, 2], data: [TEXT.slice(0, 2), TEXT.slice(2)] },
    { name: 'x', datatype: 'FP32', shape: [2, 2], data: [1, 2, 3, 4] },
  ],
  outputs: [{ name: 'echo' }, { name: 'doubled', parameters: { binary_data: true } }],
});

function stringsBinary(rand: Rand): { body: Buffer; headers: Record<string, string> } {
  const wire = prefixed(TEXT);
  const text = rand() < 0.6 ? mutateStringElements(rand, wire) : mutateBytes(rand, wire);
  // binary_data_size stays the valid size half the time, so the body's own lengths are what is wrong.
  const size = rand() < 0.5 ? wire.length : text.length;
  const head = Buffer.from(JSON.stringify({ inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2], parameters: { binary_data_size: size } }, { name: 'x', datatype: 'FP32', shape: [2, 2], data: [1, 2, 3, 4] }] }));
  return { body: Buffer.concat([head, text]), headers: { 'inference-header-content-length': String(head.byteLength) } };
}

function stringMutation(rand: Rand): { body: Buffer; headers: Record<string, string> } {
  const kind = rand();
  if (kind < 0.4) return { body: Buffer.from(JSON.stringify(mutateJson(rand, validStrings))), headers: {} };
  if (kind < 0.6) return { body: mutateBytes(rand, Buffer.from(JSON.stringify(validStrings()))), headers: {} };
  return stringsBinary(rand);
}

const X = Float32Array.of(1, 2, 3, 4);
const grpcRaw = (text: Uint8Array = prefixed(TEXT), model = 'fs', version = '') => ({
  model_name: model,
  model_version: version,
  id: 'gz',
  inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2] }, { name: 'x', datatype: 'FP32', shape: [2, 2] }],
  raw_input_contents: [text, rawOf(X)],
});
const grpcTyped = () => ({
  model_name: 'fs',
  inputs: [
    { name: 'text', datatype: 'BYTES', shape: [2, 2], contents: { bytes_contents: TEXT.map((t) => Buffer.from(t)) } },
    { name: 'x', datatype: 'FP32', shape: [2, 2], contents: { fp32_contents: Array.from(X) } },
  ],
});

function grpcMutation(rand: Rand): Buffer {
  const kind = rand();
  if (kind < 0.15) return encodeInferRequest(grpcRaw(undefined, pick(rand, ['fs', ...INHERITED_KEYS]), pick(rand, ['', '1', ...INHERITED_KEYS])));
  if (kind < 0.3) return encodeInferRequest(grpcRaw(mutateStringElements(rand, prefixed(TEXT))));
  // Valid messages interleaved: the port must keep answering them correctly amid the garbage.
  if (kind < 0.4) return encodeInferRequest(rand() < 0.5 ? grpcRaw() : grpcTyped());
  return mutateBytes(rand, encodeInferRequest(rand() < 0.5 ? grpcRaw() : grpcTyped()));
}

describe('fuzzing string tensors over HTTP and the gRPC port', () => {
  let rt: SpawnedRuntime;
  let client: Client;
  const expectServes = async () => {
    expect(rt.child.exitCode).toBeNull();
    const reply = await postInfer(rt.url, 'fs', validStrings());
    expect(reply.status).toBe(200);
    expect(reply.json.outputs![0]).toEqual({ name: 'echo', datatype: 'BYTES', shape: [2, 2], data: TEXT });
    expect(reply.binary.toString('latin1')).toBe(prefixed([...TEXT.slice(0, 2), ...TEXT.slice(0, 2), ...TEXT.slice(2), ...TEXT.slice(2)]).toString('latin1'));
  };
  beforeAll(async () => {
    rt = await spawnRuntime(['--model', await writeModelFile(stringsModel()), '--name', 'fs', '--port', '0', '--grpc-port', '0', '--max-body-bytes', '65536']);
    const Ctor = inferenceClientConstructor();
    client = new Ctor(`127.0.0.1:${rt.grpcPort}`, credentials.createInsecure());
  });
  afterAll(async () => {
    client?.close();
    await rt?.stop();
  });

  it(`answers ${STRING_MUTATIONS} seeded string-tensor requests with 200/400 only`, { timeout: 240_000 }, async () => {
    const rand = mulberry32(SEED + 2);
    const requests = Array.from({ length: STRING_MUTATIONS }, () => stringMutation(rand));
    const statuses = new Map<number, number>();
    let stringRefusals = 0;
    const unexpected: string[] = [];
    await runAll(requests.length, async (i) => {
      const { body, headers } = requests[i]!;
      const res = await fetch(`${rt.url}/v2/models/fs/infer`, { method: 'POST', headers, body: new Uint8Array(body) });
      const text = await res.text();
      if (/BYTES element|not a string for BYTES/.test(text)) stringRefusals++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 200 && res.status !== 400 && unexpected.length < 5) unexpected.push(`#${i}: ${res.status} for ${body.subarray(0, 300).toString()}`);
    });
    expect(unexpected).toEqual([]);
    expect(statuses.get(400)).toBeGreaterThan(STRING_MUTATIONS / 4);
    expect(stringRefusals).toBeGreaterThan(STRING_MUTATIONS / 20); // the string checks themselves were reached
    expect(statuses.get(200)).toBeGreaterThan(0);
    await expectServes();
  });

  it(`answers ${GRPC_MUTATIONS} seeded ModelInfer messages with OK, INVALID_ARGUMENT or NOT_FOUND only`, { timeout: 240_000 }, async () => {
    const rand = mulberry32(SEED + 3);
    const messages = Array.from({ length: GRPC_MUTATIONS }, () => grpcMutation(rand));
    const codes = new Map<number, number>();
    let stringRefusals = 0;
    const unexpected: string[] = [];
    await runAll(messages.length, async (i) => {
      const r = await rawInfer(client, messages[i]!);
      if (/BYTES element/.test(r.details)) stringRefusals++;
      codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
      if (![status.OK, status.INVALID_ARGUMENT, status.NOT_FOUND].includes(r.code) && unexpected.length < 5) unexpected.push(`#${i}: ${r.code} ${r.details}`);
    });
    expect(unexpected).toEqual([]);
    expect(codes.get(status.OK)).toBeGreaterThan(GRPC_MUTATIONS / 20);
    expect(codes.get(status.INVALID_ARGUMENT)).toBeGreaterThan(GRPC_MUTATIONS / 20);
    expect(codes.get(status.NOT_FOUND)).toBeGreaterThan(0);
    expect(stringRefusals).toBeGreaterThan(GRPC_MUTATIONS / 20);
    expect((await rawInfer(client, encodeInferRequest(grpcRaw()))).code).toBe(status.OK);
    await expectServes();
  });
});
