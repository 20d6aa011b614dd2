/**
 * The runtime's HTTP routes: KServe v2 (health, server and model metadata, readiness, infer,
 * Triton statistics), Prometheus `/metrics`, the latest stats message and, only with test
 * hooks on, two test routes. Thin: each route reads state and calls one function.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RUNTIME_IDENTITY_PATH, RUNTIME_STATS_STREAM_PATH, type RuntimeIdentity } from '../../protocol/dataplane';
import { compressForAccept } from '../../protocol/compression';
import { DRAINING_HEADER, INFERENCE_HEADER_CONTENT_LENGTH } from '../../protocol/kserve';
import { SERVED_EXTENSIONS, methodNotAllowed, noRoute } from '../../protocol/kserve-messages';
import type { BatchCalibration } from '../batching/batch-calibration';
import { RuntimeError, toRuntimeError } from '../errors';
import type { InstancePool } from '../execution/instance-pool';
import { infer, type InferenceDeps } from '../inference';
import type { Recorder } from '../metrics/recorder';
import type { StatsHub } from '../metrics/stats-hub';
import type { TestHooks } from '../test-hooks';
import type { ModelSig } from '../model/signature';
import { readBody } from './body';
import { decompressBody } from './decompress';
import { sendError, sendJson, sendText } from './respond';

export const SERVER_NAME = 'slipway-runtime';
export const SERVER_VERSION = '0.1.0';

export interface Serving {
  deps: InferenceDeps;
  sig: ModelSig;
  maxBatchSize: number;
  provider: string;
  recorder: Recorder;
  pool: InstancePool;
  /** With `preferredBatchSizes: auto`: what the batcher learned, per input shape. */
  calibration?: BatchCalibration;
  /** The knobs in force, for `/config`. */
  config: { preferredBatchSizes: number[] | 'auto'; maxQueueDelayMs: number; maxQueueSize: number; queueTimeoutMs: number; instances: number; intraOpThreads: number; intraOpSpinning: boolean; cacheMaxBytes: number };
}

export interface RuntimeState {
  model: string;
  version: string;
  maxBodyBytes: number;
  /** Only with SLIPWAY_TEST_HOOKS=1: what the /v2/slipway/test/* routes drive. */
  testHooks?: TestHooks;
  /** Set once loaded and warmed up. */
  serving?: Serving;
  ready: boolean;
  draining: boolean;
  /** Why /v2/health/ready is 503 (loading, a load failure, draining). */
  notReadyReason: string;
  /** Identity and stats stream for a control plane; absent for bare tests of the routes. */
  instanceId?: string;
  startedAtMs?: number;
  statsHub?: StatsHub;
}

const MODEL_ROUTE = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer|stats|config))?$/;

export async function route(state: RuntimeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedNs = process.hrtime.bigint();
  const path = (req.url ?? '/').split('?')[0]!;
  // HEAD is GET without a body (Node leaves it out), so both answer the same status and headers.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  // While draining, no connection is kept alive: the server can close as soon as work ends.
  if (state.draining) {
    res.setHeader('connection', 'close');
    res.setHeader(DRAINING_HEADER, '1');
  }
  try {
    const allowed = allowedMethods(path);
    if (allowed && !allowed.split(', ').includes(req.method ?? 'GET')) {
      res.setHeader('allow', allowed);
      return sendJson(res, 405, { error: methodNotAllowed(req.method ?? 'GET', path) });
    }
    if (method === 'GET' && path === '/v2/health/live') return sendJson(res, 200, {});
    if (method === 'GET' && path === '/v2/health/ready') return readiness(state, res);
    if (method === 'GET' && path === '/v2') return sendJson(res, 200, { name: SERVER_NAME, version: SERVER_VERSION, extensions: SERVED_EXTENSIONS });
    if (method === 'GET' && path === '/metrics') return await metrics(state, res);
    if (method === 'GET' && path === '/v2/slipway/stats') return latestStats(state, res);
    if (method === 'GET' && path === RUNTIME_IDENTITY_PATH) return sendJson(res, 200, identity(state));
    if (method === 'GET' && path === RUNTIME_STATS_STREAM_PATH && state.statsHub) return state.statsHub.subscribe(res);
    if (method === 'GET' && path === '/v2/models/stats') return sendJson(res, 200, servingOr503(state).recorder.triton.toTriton(state.model, state.version));
    if (state.testHooks && path.startsWith('/v2/slipway/test/')) return testRoute(state.testHooks, method, path, res);
    const m = MODEL_ROUTE.exec(path);
    if (!m) throw new RuntimeError('not_found', noRoute(req.method ?? 'GET', path));
    const [, name, version, action] = m;
    checkModel(state, decodePathSegment(name!), version);
    if (method === 'POST' && action === 'infer') return await inferRoute(state, req, res, receivedNs);
    if (method !== 'GET' || action === 'infer') throw new RuntimeError('not_found', noRoute(req.method ?? 'GET', path));
    if (action === 'ready') return readiness(state, res);
    if (action === 'stats') return sendJson(res, 200, servingOr503(state).recorder.triton.toTriton(state.model, state.version));
    if (action === 'config') return sendJson(res, 200, modelConfig(state, servingOr503(state)));
    return sendJson(res, 200, modelMetadata(state, servingOr503(state)));
  } catch (err) {
    sendError(res, toRuntimeError(err));
  }
}

/** The methods a known path takes (for 405 and Allow), or undefined for a path that names nothing. */
function allowedMethods(path: string): string | undefined {
  if (path === '/v2/health/live' || path === '/v2/health/ready' || path === '/v2' || path === '/metrics' || path === '/v2/models/stats') return 'GET, HEAD';
  const m = MODEL_ROUTE.exec(path);
  if (!m) return undefined;
  return m[3] === 'infer' ? 'POST' : 'GET, HEAD';
}

/** Versions in paths are canonical decimals, as at the gateway: `01`, `1e0` or `%31` name no version. */
const CANONICAL_VERSION = /^[1-9][0-9]{0,8}$/;

/** A malformed escape names no model (404), rather than failing the request (500). */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function checkModel(state: RuntimeState, name: string, version: string | undefined): void {
  if (name !== state.model) throw new RuntimeError('not_found', `Request for unknown model: '${name}' is not found`);
  if (version !== undefined && (!CANONICAL_VERSION.test(version) || version !== state.version)) {
    throw new RuntimeError('not_found', `Request for unknown model: '${name}' version ${version} is not found`);
  }
}

export function servingOr503(state: RuntimeState): Serving {
  if (!state.serving) throw new RuntimeError('unavailable', state.notReadyReason);
  return state.serving;
}

function readiness(state: RuntimeState, res: ServerResponse): void {
  if (state.ready && !state.draining) return sendJson(res, 200, {});
  sendJson(res, 503, { error: state.notReadyReason });
}

export function modelMetadata(state: RuntimeState, s: Serving) {
  // Triton shows a batched model's shapes with -1 for the batch dimension.
  const shape = (dims: number[]) => (s.maxBatchSize > 0 ? [-1, ...dims.slice(1)] : dims);
  const tensor = (t: ModelSig['inputs'][number]) => ({ name: t.name, datatype: t.datatype, shape: shape(t.shape) });
  return {
    name: state.model,
    versions: [state.version],
    platform: 'onnxruntime_onnx',
    inputs: s.sig.inputs.map(tensor),
    outputs: s.sig.outputs.map(tensor),
    parameters: { provider: s.provider, max_batch_size: s.maxBatchSize },
  };
}

/** A subset of Triton's model configuration, enough for clients that read batching limits. */
export function modelConfig(state: RuntimeState, s: Serving) {
  const dims = (shape: number[]) => (s.maxBatchSize > 0 ? shape.slice(1) : shape);
  const tensor = (t: ModelSig['inputs'][number]) => ({ name: t.name, data_type: `TYPE_${t.datatype === 'BYTES' ? 'STRING' : t.datatype}`, dims: dims(t.shape) });
  const c = s.config;
  // Auto: the size in force for the most recently batched input shape, and the profile behind it.
  const profiles = s.calibration?.profiles(performance.now()) ?? [];
  const preferred = c.preferredBatchSizes === 'auto' ? [profiles.at(-1)?.chosen].filter((n) => n !== undefined) : c.preferredBatchSizes;
  return {
    name: state.model,
    platform: 'onnxruntime_onnx',
    backend: 'onnxruntime',
    max_batch_size: s.maxBatchSize,
    input: s.sig.inputs.map(tensor),
    output: s.sig.outputs.map(tensor),
    ...(s.maxBatchSize > 0 && {
      dynamic_batching: {
        preferred_batch_size: preferred,
        max_queue_delay_microseconds: Math.round(c.maxQueueDelayMs * 1000),
        default_queue_policy: { max_queue_size: c.maxQueueSize, default_timeout_microseconds: Math.round(c.queueTimeoutMs * 1000) },
      },
    }),
    instance_group: [{ count: c.instances, kind: s.provider === 'cuda' ? 'KIND_GPU' : 'KIND_CPU' }],
    // Session options as Triton's onnxruntime backend names them: what auto sizing chose.
    parameters: {
      provider: s.provider,
      response_cache: { enable: c.cacheMaxBytes > 0 },
      intra_op_thread_count: c.intraOpThreads,
      allow_spinning: c.intraOpSpinning,
      ...(c.preferredBatchSizes === 'auto' && {
        preferred_batch_size_auto: true,
        batch_profile: profiles.map((p) => ({ inputs: p.batchKey, chosen: p.chosen ?? null, points: p.points.map((q) => ({ batch_size: q.batchSize, compute_us_per_item: Math.round(q.perItemMs * 1000), samples: q.samples })) })),
      }),
    },
  };
}

async function inferRoute(state: RuntimeState, req: IncomingMessage, res: ServerResponse, receivedNs: bigint): Promise<void> {
  if (state.draining) throw new RuntimeError('unavailable', 'the runtime is draining and accepts no new requests');
  const serving = servingOr503(state);
  if (!state.ready) throw new RuntimeError('unavailable', state.notReadyReason);
  let body: Buffer[];
  try {
    const chunks = await readBody(req, state.maxBodyBytes);
    const encoding = req.headers['content-encoding'];
    body = encoding === undefined ? chunks : [decompressBody(Buffer.concat(chunks), encoding, state.maxBodyBytes)];
  } catch (err) {
    const e = toRuntimeError(err);
    serving.recorder.failure(e.reason, Number(process.hrtime.bigint() - receivedNs));
    throw e;
  }
  const header = req.headers[INFERENCE_HEADER_CONTENT_LENGTH];
  const response = await infer(serving.deps, body, Array.isArray(header) ? header[0] : header, receivedNs);
  // The header length stays the uncompressed one: a client inflates, then splits JSON from binary.
  const { body: out, encoding } = compressForAccept(response.body, req.headers['accept-encoding']);
  const headers: Record<string, string | number> = { 'content-type': response.contentType, 'content-length': out.byteLength };
  if (encoding) headers['content-encoding'] = encoding;
  if (response.headerLength !== undefined) headers[INFERENCE_HEADER_CONTENT_LENGTH] = response.headerLength;
  if (state.draining) headers.connection = 'close'; // this request began before the drain
  res.writeHead(200, headers);
  res.end(out);
}

async function metrics(state: RuntimeState, res: ServerResponse): Promise<void> {
  const register = servingOr503(state).recorder.prom.register;
  sendText(res, 200, register.contentType, await register.metrics());
}

function latestStats(state: RuntimeState, res: ServerResponse): void {
  const latest = servingOr503(state).recorder.latest;
  if (!latest) throw new RuntimeError('unavailable', 'no stats interval has closed yet');
  sendJson(res, 200, latest);
}

function identity(state: RuntimeState): RuntimeIdentity {
  return {
    instanceId: state.instanceId ?? '',
    pid: process.pid,
    model: state.model,
    version: state.version,
    ready: state.ready && !state.draining,
    draining: state.draining,
    startedAtMs: state.startedAtMs ?? 0,
    statsDropped: state.statsHub?.dropped ?? 0,
  };
}

function testRoute(hooks: TestHooks, method: string, path: string, res: ServerResponse): void {
  if (method === 'GET' && path === '/v2/slipway/test/dispatch-log') return sendJson(res, 200, { ids: hooks.dispatchLog });
  if (method === 'POST' && path === '/v2/slipway/test/crash-next-batch') {
    hooks.crashNextBatch();
    return sendJson(res, 200, {});
  }
  throw new RuntimeError('not_found', `no test route ${method} ${path}`);
}
