/**
 * BYTES (string) tensors through the real gateway and runtime: gRPC raw and typed contents and
 * HTTP JSON and binary answers equal ONNX Runtime run directly; a BYTES element running past
 * its buffer and BYTES sent to an FP32 input are INVALID_ARGUMENT / 400, and serving goes on;
 * a shadow candidate's string outputs are compared with stable's, and equal ones agree.
 */
import { status } from '@grpc/grpc-js';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../control-plane';
import { f32, grpcClient, grpcFailure, rawOf, type GrpcTestClient } from '../grpc/client';
import { stringsModel } from '../onnx';
import { registerModel, startHarness, type Harness } from './harness';
import { prefixed, unprefixed } from '../bytes';

const TEXT = ['über', '', 'gateway', '文字'];
const X = Float32Array.of(1, 2, -3, 0.5);
const grpcRequest = (extra: Record<string, unknown> = {}) => ({
  model_name: 'strs',
  inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2] }, { name: 'x', datatype: 'FP32', shape: [2, 2] }],
  raw_input_contents: [prefixed(TEXT), rawOf(X)],
  ...extra,
});

let h: Harness;
let client: GrpcTestClient;
let want: { echo: string[]; doubled: string[]; y: number[] };

beforeAll(async () => {
  const model = stringsModel();
  const session = await ort.InferenceSession.create(model);
  const out = await session.run({ text: new ort.Tensor('string', TEXT, [2, 2]), x: new ort.Tensor('float32', X, [2, 2]) });
  want = { echo: out.echo!.data as string[], doubled: out.doubled!.data as string[], y: Array.from(out.y!.data as Float32Array) };
  await session.release();

  h = await startHarness();
  await registerModel(h, 's', [model, stringsModel('strings-v2')]);
  client = grpcClient(h.grpcAddress);
  h.services.endpoints.create({ name: 'strs', model: 's', version: 1, config: { replicas: 1, maxBatchSize: 8 } }, 'test');
  h.plane.supervisor.trigger();
  await waitFor(() => client.infer(grpcRequest()).then(() => true, () => undefined), 60_000, 'strs serving over gRPC');
}, 120_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
});

describe('BYTES through the gateway', () => {
  it('gRPC raw and typed contents answer what ONNX Runtime does, from version 1', async () => {
    const raw = await client.infer(grpcRequest({ id: 'b-1' }));
    const typed = await client.infer({
      model_name: 'strs',
      inputs: [
        { name: 'text', datatype: 'BYTES', shape: [2, 2], contents: { bytes_contents: TEXT.map((t) => Buffer.from(t)) } },
        { name: 'x', datatype: 'FP32', shape: [2, 2], contents: { fp32_contents: Array.from(X) } },
      ],
    });
    expect(raw).toMatchObject({ model_name: 'strs', model_version: '1', id: 'b-1' });
    for (const res of [raw, typed]) {
      expect(res.outputs.map((o) => [o.name, o.datatype, o.shape])).toEqual([['echo', 'BYTES', ['2', '2']], ['doubled', 'BYTES', ['2', '4']], ['y', 'FP32', ['2', '2']]]);
      expect(unprefixed(res.raw_output_contents[0]!)).toEqual(want.echo);
      expect(unprefixed(res.raw_output_contents[1]!)).toEqual(want.doubled);
      expect(f32(res.raw_output_contents[2]!)).toEqual(want.y);
    }
  });

  it('HTTP JSON and HTTP binary answer what ONNX Runtime does', async () => {
    const json = await fetch(`${h.gatewayUrl}/v2/models/strs/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2], data: TEXT }, { name: 'x', datatype: 'FP32', shape: [2, 2], data: Array.from(X) }] }),
    });
    expect(json.status).toBe(200);
    expect(((await json.json()) as { outputs: unknown[] }).outputs).toEqual([
      { name: 'echo', datatype: 'BYTES', shape: [2, 2], data: want.echo },
      { name: 'doubled', datatype: 'BYTES', shape: [2, 4], data: want.doubled },
      { name: 'y', datatype: 'FP32', shape: [2, 2], data: want.y },
    ]);

    const text = prefixed(TEXT);
    const head = Buffer.from(JSON.stringify({
      inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2], parameters: { binary_data_size: text.length } }, { name: 'x', datatype: 'FP32', shape: [2, 2], parameters: { binary_data_size: 16 } }],
      outputs: [{ name: 'doubled', parameters: { binary_data: true } }],
    }));
    const bin = await fetch(`${h.gatewayUrl}/v2/models/strs/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'inference-header-content-length': String(head.length) },
      body: new Uint8Array(Buffer.concat([head, text, rawOf(X)])),
    });
    expect(bin.status).toBe(200);
    const body = Buffer.from(await bin.arrayBuffer());
    const split = Number(bin.headers.get('inference-header-content-length'));
    expect(JSON.parse(body.subarray(0, split).toString()).outputs).toEqual([{ name: 'doubled', datatype: 'BYTES', shape: [2, 4], parameters: { binary_data_size: prefixed(want.doubled).length } }]);
    expect(unprefixed(body.subarray(split))).toEqual(want.doubled);
  });

  it('bad string input is INVALID_ARGUMENT over gRPC and 400 over HTTP, and the endpoint serves after', async () => {
    const pastEnd = await grpcFailure(client.infer(grpcRequest({ raw_input_contents: [Buffer.concat([prefixed(['ok']), Buffer.from([64, 0, 0, 0, 1])]), rawOf(X)] })));
    expect(pastEnd.code).toBe(status.INVALID_ARGUMENT);
    expect(pastEnd.details).toMatch(/BYTES element 1 claims 64 bytes but 1 remain/);
    const bytesToFp32 = await grpcFailure(client.infer(grpcRequest({ inputs: [{ name: 'text', datatype: 'BYTES', shape: [2, 2] }, { name: 'x', datatype: 'BYTES', shape: [2, 2] }], raw_input_contents: [prefixed(TEXT), prefixed(['1', '2', '3', '4'])] })));
    expect(bytesToFp32.code).toBe(status.INVALID_ARGUMENT);
    expect(bytesToFp32.details).toMatch(/'x' has datatype BYTES; the model expects FP32/);

    const http = await fetch(`${h.gatewayUrl}/v2/models/strs/infer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ name: 'text', datatype: 'FP32', shape: [2, 2], data: [1, 2, 3, 4] }, { name: 'x', datatype: 'FP32', shape: [2, 2], data: Array.from(X) }] }),
    });
    expect(http.status).toBe(400);
    expect(((await http.json()) as { error: string }).error).toMatch(/'text' has datatype FP32; the model expects BYTES/);

    const after = await client.infer(grpcRequest());
    expect(unprefixed(after.raw_output_contents[0]!)).toEqual(want.echo);
  });

  it('shadow mirrors string requests and compares the candidate\'s strings with stable\'s', async () => {
    const started = h.services.rollouts.start('strs', { version: 2, strategy: 'shadow', mirrorPct: 100, tolerance: { atol: 0, rtol: 0 }, analysis: null }, 'alice');
    const summary = await waitFor(async () => {
      expect((await client.infer(grpcRequest())).model_version).toBe('1');
      const s = h.services.rollouts.get(started.id).shadow;
      return s && s.compared >= 3 ? s : undefined;
    }, 60_000, 'compared shadow pairs');
    // The same graph under another name: every compared pair agrees.
    expect(summary.agreed).toBe(summary.compared);
    h.services.rollouts.act(started.id, 'abort', 'alice');
  }, 120_000);
});
