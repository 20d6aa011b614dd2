/**
 * Fuzz: a few thousand seeded random mutations of valid JSON and binary inference requests
 * against the real process. Every answer must be a 200 or a 400 (never a 500, a hang or a
 * crash), and afterwards the process must still answer a valid request correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMulModel, mulberry32, writeModelFile } from '../testing/onnx';
import { inheritedKeyPath, mutateBytes, mutateJson, pick, type Json, type Rand } from '../testing/fuzz/mutations';
import { postInfer, spawnRuntime, type SpawnedRuntime } from './testing/spawn-runtime';

const SEED = 20261122;
const MUTATIONS = 2500;
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
