/**
 * Fuzz of the gateway in front of a real runtime: 10,000 seeded requests mixing mutated bodies,
 * inherited keys (`__proto__`, `constructor`, …) as model names and versions, and odd routing
 * headers. Every answer must be a 200, 400 or 404 (never a 500 or a hang); afterwards the gateway
 * still serves, and the metrics rollup still saves the real endpoint's history and nothing else.
 * The gRPC port gets 2,000 seeded messages (mutated protobuf, inherited names as model, version
 * and route key): every status is OK, INVALID_ARGUMENT or NOT_FOUND, and the port goes on serving.
 */
import { credentials, status } from '@grpc/grpc-js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricRollups } from '../../db/schema';
import { waitFor } from '../control-plane';
import { inheritedKeyPath, INHERITED_KEYS, mutateBytes, mutateJson, pick, type Json, type Rand } from '../fuzz/mutations';
import { inferenceClientConstructor } from '../../protocol/grpc/load';
import { encodeInferRequest, rawInfer } from '../fuzz/grpc';
import { f32, rawOf } from '../grpc/client';
import { mulberry32 } from '../onnx';
import { infer, serveScaleEndpoint, startHarness, type Harness } from './harness';

const SEED = 20261130;
const MUTATIONS = 10_000;
const GRPC_MUTATIONS = 2_000;
const CONCURRENCY = 8;

let h: Harness;

const validJson = (): { [k: string]: Json } => ({ id: 'gz', inputs: [{ name: 'x', datatype: 'FP32', shape: [2, 4], data: [1, 2, 3, 4, 5, 6, 7, 8] }] });

interface FuzzRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Statuses this request may answer. */
  allowed: readonly number[];
}

function fuzzRequest(rand: Rand): FuzzRequest {
  const kind = rand();
  const infer = '/v2/models/ep/infer';
  if (kind < 0.2) {
    const { method, path } = inheritedKeyPath(rand, 'ep');
    return { method, path, headers: {}, body: method === 'POST' ? Buffer.from(JSON.stringify(validJson())) : undefined, allowed: [404] };
  }
  // Inherited keys as sticky route keys and preview flags route like any other value.
  if (kind < 0.3) {
    const headers = { 'x-slipway-route-key': pick(rand, INHERITED_KEYS), 'x-slipway-preview': pick(rand, ['1', ...INHERITED_KEYS]) };
    return { method: 'POST', path: infer, headers, body: Buffer.from(JSON.stringify(validJson())), allowed: [200] };
  }
  if (kind < 0.65) return { method: 'POST', path: infer, headers: {}, body: Buffer.from(JSON.stringify(mutateJson(rand, validJson))), allowed: [200, 400] };
  return { method: 'POST', path: infer, headers: {}, body: mutateBytes(rand, Buffer.from(JSON.stringify(validJson()))), allowed: [200, 400] };
}

beforeAll(async () => {
  h = await startHarness();
  await serveScaleEndpoint(h, { maxBatchSize: 8 });
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('fuzzing the gateway', () => {
  it(`answers ${MUTATIONS} seeded requests with 200/400/404 only, then still serves and saves rollups`, { timeout: 300_000 }, async () => {
    const startedMs = Date.now();
    const rand = mulberry32(SEED);
    const requests = Array.from({ length: MUTATIONS }, () => fuzzRequest(rand));
    const statuses = new Map<number, number>();
    const unexpected: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const i = next++;
          const r = requests[i]!;
          const res = await fetch(`${h.gatewayUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body ? new Uint8Array(r.body) : undefined });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (!r.allowed.includes(res.status) && unexpected.length < 5) unexpected.push(`#${i} ${r.method} ${r.path}: ${res.status} ${text.slice(0, 200)}`);
          if (res.status === 404 && r.path.includes('/infer') && !/Request for unknown model: '.*' (version .* )?is not found/.test(text) && unexpected.length < 5) unexpected.push(`#${i} ${r.path}: 404 without a KServe error: ${text.slice(0, 200)}`);
        }
      }),
    );
    expect(unexpected).toEqual([]);
    expect(statuses.get(404)).toBeGreaterThan(MUTATIONS / 10);
    expect(statuses.get(400)).toBeGreaterThan(MUTATIONS / 10);
    expect(statuses.get(200)).toBeGreaterThan(MUTATIONS / 10);

    const after = await infer(h, 'ep', [1, 2, 3, 4]);
    expect(after).toMatchObject({ status: 200, version: '1' });
    expect(after.body.outputs?.[0]?.data).toEqual([2, 4, 6, 8]);

    // The fuzz traffic must fold into 10 s rows of the real endpoint, and into no other series.
    // The gateway reports each second once it closes (later on a busy machine): wait until its
    // figures hold every answer, then until the rollup has folded past the moment they did.
    const answered = (statuses.get(200) ?? 0) + (statuses.get(400) ?? 0);
    const reportedMs = await waitFor(() => (h.core.live.window('ep', 1, startedMs - 10_000, Date.now() + 10_000).requests >= answered ? Date.now() : undefined), 30_000, "the gateway's figures for the fuzz");
    await waitFor(() => (h.core.metrics.rollups.run() && h.core.metrics.rollups.watermarks().rolled10sUntilMs > reportedMs ? true : undefined), 60_000, 'the rollup past the fuzz');
    const rows = h.deps.db.select().from(metricRollups).where(eq(metricRollups.resolutionSeconds, 10)).all();
    expect([...new Set(rows.map((r) => `${r.endpoint}/${r.version}`))]).toEqual(['ep/1']);
    const fuzzRows = rows.filter((r) => r.bucketStart.getTime() + 10_000 > startedMs);
    // 404s enter no series; every 200 and 400 of the fuzz is in a saved row (warm-up requests may share the first).
    expect(fuzzRows.reduce((n, r) => n + r.requests, 0)).toBeGreaterThanOrEqual((statuses.get(200) ?? 0) + (statuses.get(400) ?? 0));
    expect(h.core.metrics.rollups.skippedRows).toBe(0);
    expect(h.core.live.endpoints()).toEqual(['ep']);
    const text = (await h.services.metrics.prometheus()).body;
    expect(Number(/^slipway_gateway_unrouted_requests_total (\d+)$/m.exec(text)?.[1])).toBe(statuses.get(404));
  });
});

const validGrpc = (model = 'ep', version = '') => ({ model_name: model, model_version: version, id: 'gz', inputs: [{ name: 'x', datatype: 'FP32', shape: [2, 4] }], raw_input_contents: [rawOf(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8))] });

function grpcFuzzMessage(rand: Rand): { bytes: Buffer; metadata: Record<string, string> } {
  const kind = rand();
  if (kind < 0.2) return { bytes: encodeInferRequest(validGrpc(pick(rand, ['ep', ...INHERITED_KEYS]), pick(rand, ['', '1', ...INHERITED_KEYS]))), metadata: {} };
  if (kind < 0.3) return { bytes: encodeInferRequest(validGrpc()), metadata: { 'x-slipway-route-key': pick(rand, INHERITED_KEYS), 'x-slipway-preview': pick(rand, ['1', ...INHERITED_KEYS]) } };
  return { bytes: mutateBytes(rand, encodeInferRequest(validGrpc())), metadata: {} };
}

describe('fuzzing the gateway\'s gRPC port', () => {
  it(`answers ${GRPC_MUTATIONS} seeded messages with OK, INVALID_ARGUMENT or NOT_FOUND, then still serves`, { timeout: 300_000 }, async () => {
    const Ctor = inferenceClientConstructor();
    const client = new Ctor(h.grpcAddress, credentials.createInsecure());
    const rand = mulberry32(SEED + 1);
    const messages = Array.from({ length: GRPC_MUTATIONS }, () => grpcFuzzMessage(rand));
    const codes = new Map<number, number>();
    const unexpected: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < messages.length) {
          const i = next++;
          const r = await rawInfer(client, messages[i]!.bytes, messages[i]!.metadata);
          codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
          if (![status.OK, status.INVALID_ARGUMENT, status.NOT_FOUND].includes(r.code) && unexpected.length < 5) unexpected.push(`#${i}: ${r.code} ${r.details}`);
        }
      }),
    );
    expect(unexpected).toEqual([]);
    expect(codes.get(status.OK)).toBeGreaterThan(GRPC_MUTATIONS / 20);
    expect(codes.get(status.INVALID_ARGUMENT)).toBeGreaterThan(GRPC_MUTATIONS / 20);
    expect(codes.get(status.NOT_FOUND)).toBeGreaterThan(GRPC_MUTATIONS / 20);
    const after = await new Promise<{ model_version: string; raw_output_contents: Uint8Array[] }>((resolve, reject) =>
      (client.ModelInfer as (r: unknown, cb: (e: Error | null, v: never) => void) => void).call(client, validGrpc(), (e, v) => (e ? reject(e) : resolve(v))),
    );
    expect(after.model_version).toBe('1');
    expect(f32(after.raw_output_contents[0]!)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    client.close();
  });
});
