/**
 * KServe v2 gRPC through the real gateway process, routed exactly as HTTP: the version that
 * served in `model_version`, canary split, sticky key and preview from metadata, pins, shadow
 * copies compared with the stable answer; metadata, config and statistics from replicas; and
 * the HTTP surface the gateway now passes on (config, summed stats, gzip both ways).
 */
import { gzipSync } from 'node:zlib';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rollout } from '../../server/rollout/schemas';
import { waitFor } from '../control-plane';
import { f32, grpcClient, grpcFailure, rawOf, type GrpcTestClient } from '../grpc/client';
import { scaleModel } from '../onnx';
import { registerModel, startHarness, type Harness } from './harness';

let h: Harness;
let client: GrpcTestClient;

/** v1 = 2x (stable), v2 = 3x (canary candidate), v3 = 2.5x (shadow candidate). */
beforeAll(async () => {
  h = await startHarness();
  await registerModel(h, 'm', [scaleModel(2), scaleModel(3), scaleModel(2.5)]);
  client = grpcClient(h.grpcAddress);
}, 120_000);

afterAll(async () => {
  client?.close();
  await h?.stop();
});

const x = Float32Array.of(1, 2, 3, 4);
const request = (endpoint: string, extra: Record<string, unknown> = {}) => ({ model_name: endpoint, inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4] }], raw_input_contents: [rawOf(x)], ...extra });

async function serving(name: string): Promise<void> {
  h.services.endpoints.create({ name, model: 'm', version: 1, config: { replicas: 1, maxBatchSize: 8 } }, 'test');
  h.plane.supervisor.trigger();
  await waitFor(() => client.infer(request(name)).then(() => true, () => undefined), 60_000, `${name} serving over gRPC`);
}

const rollout = (id: number): Rollout => h.services.rollouts.get(id);

describe('gRPC through the gateway', () => {
  beforeAll(async () => {
    await serving('g');
  }, 90_000);

  it('answers with the version that served, the id echoed, and the stable model\'s values', async () => {
    const res = await client.infer(request('g', { id: 'r-1' }));
    expect(res).toMatchObject({ model_name: 'g', model_version: '1', id: 'r-1' });
    expect(f32(res.raw_output_contents[0]!)).toEqual([2, 4, 6, 8]);
    expect(await client.call('ServerReady', {})).toEqual({ ready: true });
    expect(await client.call('ModelReady', { name: 'g', version: '' })).toEqual({ ready: true });
    expect(await client.call('ModelMetadata', { name: 'g', version: '1' })).toMatchObject({ name: 'g', versions: ['1'] });
    expect(await client.call('ModelConfig', { name: 'g', version: '' })).toMatchObject({ config: { name: 'g', max_batch_size: 8 } });
    const stats = await client.call<{ model_stats: { name: string; version: string; inference_count: string }[] }>('ModelStatistics', { name: 'g', version: '1' });
    expect(stats.model_stats).toHaveLength(1);
    expect(Number(stats.model_stats[0]!.inference_count)).toBeGreaterThan(0);
  });

  it('refuses unknown endpoints and versions with NOT_FOUND and Triton\'s text', async () => {
    expect(await grpcFailure(client.infer(request('nope')))).toEqual({ code: status.NOT_FOUND, details: "Request for unknown model: 'nope' is not found" });
    expect(await grpcFailure(client.infer(request('g', { model_version: '7' })))).toEqual({ code: status.NOT_FOUND, details: "Request for unknown model: 'g' version 7 is not found" });
    expect(await grpcFailure(client.infer(request('g', { model_version: '01' })))).toMatchObject({ code: status.NOT_FOUND });
    expect((await grpcFailure(client.infer(request('g', { raw_input_contents: [Buffer.alloc(3)] })))).code).toBe(status.INVALID_ARGUMENT);
  });

  it('passes HTTP config, summed stats and compression through', async () => {
    const config = await fetch(`${h.gatewayUrl}/v2/models/g/config`);
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ name: 'g', max_batch_size: 8 });
    const all = (await (await fetch(`${h.gatewayUrl}/v2/models/stats`)).json()) as { model_stats: { name: string; version: string }[] };
    expect(all.model_stats).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'g', version: '1' })]));
    expect((await fetch(`${h.gatewayUrl}/v2/models/g/versions/1/stats`)).status).toBe(200);
    expect((await fetch(`${h.gatewayUrl}/v2/models/g/versions/9/stats`)).status).toBe(404);
    const body = gzipSync(JSON.stringify({ inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] }));
    // fetch inflates the answer itself; the header says it came compressed.
    const res = await fetch(`${h.gatewayUrl}/v2/models/g/infer`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', 'accept-encoding': 'gzip' }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.json()).toMatchObject({ outputs: [{ data: [2, 4, 6, 8] }] });
    const wrong = await fetch(`${h.gatewayUrl}/v2/health/live`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });

  it('canary split, sticky key and pins route over gRPC as over HTTP', async () => {
    const started = h.services.rollouts.start('g', { version: 2, strategy: 'canary', steps: [{ weightPct: 50 }], analysis: null }, 'alice');
    await waitFor(() => client.infer(request('g', { model_version: '2' })).then(() => true, () => undefined), 60_000, 'the canary serving');
    await waitFor(() => (rollout(started.id).phase === 'progressing' ? true : undefined), 30_000, 'progressing');
    const versions = new Set<string>();
    for (let i = 0; i < 40 && versions.size < 2; i++) versions.add((await client.infer(request('g'))).model_version);
    expect(versions).toEqual(new Set(['1', '2']));

    const sticky = new Set<string>();
    for (let i = 0; i < 10; i++) sticky.add((await client.infer(request('g'), { 'x-slipway-route-key': 'user-42' })).model_version);
    expect(sticky.size).toBe(1);

    const pinned = await client.infer(request('g', { model_version: '2' }));
    expect(pinned.model_version).toBe('2');
    expect(f32(pinned.raw_output_contents[0]!)).toEqual([3, 6, 9, 12]);
    h.services.rollouts.act(started.id, 'abort', 'alice');
  }, 120_000);

  it('a stream through the gateway answers each request by id', async () => {
    const stream = client.stream();
    const answers: { error_message: string; infer_response: { id: string; model_version: string } | null }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      stream.on('data', (m: (typeof answers)[number]) => answers.push(m));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    for (const id of ['s1', 's2', 's3']) stream.write(request('g', { id, model_version: '1' }));
    stream.write(request('nope', { id: 's4' }));
    stream.end();
    await done;
    expect(answers.map((a) => a.infer_response?.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
    expect(answers.find((a) => a.infer_response?.id === 's4')!.error_message).toBe("Request for unknown model: 'nope' is not found");
    expect(answers.filter((a) => a.error_message === '').every((a) => a.infer_response!.model_version === '1')).toBe(true);
  });
});

describe('shadow over gRPC', () => {
  it('mirrors gRPC requests to the candidate and compares its outputs with the stable answer', async () => {
    await serving('gs');
    const started = h.services.rollouts.start('gs', { version: 3, strategy: 'shadow', mirrorPct: 100, tolerance: { atol: 0.001, rtol: 0 }, analysis: null }, 'alice');
    const summary = await waitFor(async () => {
      const res = await client.infer(request('gs'));
      expect(res.model_version).toBe('1');
      const s = rollout(started.id).shadow;
      return s && s.compared >= 3 && s.samples.length >= 1 ? s : undefined;
    }, 60_000, 'compared shadow pairs');
    // 2.5x against 2x: every pair disagrees beyond the tolerance.
    expect(summary.agreed).toBe(0);
  }, 120_000);
});
