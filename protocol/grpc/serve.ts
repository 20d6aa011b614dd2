/**
 * The GRPCInferenceService on grpc-js, for any backend (the gateway routes, a runtime runs the
 * model). It owns what both share: decoding (a malformed message is INVALID_ARGUMENT for that
 * message only, so a stream goes on), errors as gRPC statuses without internals, ModelConfig in
 * its proto shape, and the bidirectional stream that answers each request by id.
 */
import { Server, ServerCredentials, status, type Metadata, type ServerDuplexStream, type ServiceDefinition, type sendUnaryData, type ServerUnaryCall, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { configToGrpc, type HttpModelConfig } from './model-config';
import { inferenceDefinition, messageLimits, SERVICE_NAME } from './load';
import type { ModelInferRequestMsg, ModelInferResponseMsg, ModelStreamInferResponseMsg } from './messages';

/** A failure with its gRPC status; anything else a backend throws is answered INTERNAL without its message. */
export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface InferAnswer {
  response: ModelInferResponseMsg;
  /** Runs once the answer is written (the gateway's shadow copy). */
  after?: () => void;
}

export interface GrpcBackend {
  ready(): boolean;
  serverMetadata(): { name: string; version: string; extensions: string[] };
  modelReady(name: string, version: string): Promise<boolean>;
  modelMetadata(name: string, version: string): Promise<unknown>;
  modelConfig(name: string, version: string): Promise<HttpModelConfig>;
  modelStatistics(name: string, version: string): Promise<unknown>;
  infer(request: ModelInferRequestMsg, metadata: Record<string, string>): Promise<InferAnswer>;
}

/** What a request decodes to when its bytes are not a valid message. */
interface Malformed {
  malformed: string;
}
const isMalformed = (m: unknown): m is Malformed => typeof m === 'object' && m !== null && 'malformed' in m;

function serviceDefinition(): ServiceDefinition {
  const def = inferenceDefinition()[SERVICE_NAME] as ServiceDefinition;
  const out: Record<string, ServiceDefinition[string]> = {};
  for (const [name, method] of Object.entries(def)) {
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes);
        } catch (err) {
          return { malformed: `the request is not a valid ${name} message: ${(err as Error).message}` } satisfies Malformed;
        }
      },
    };
  }
  return out as ServiceDefinition;
}

/** Client metadata as headers (text entries only); the transport's own names are never taken from a client. */
function metadataHeaders(metadata: Metadata): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(metadata.getMap())) if (typeof value === 'string') out[key] = value;
  for (const reserved of ['content-type', 'content-length', 'content-encoding', 'inference-header-content-length', 'accept', 'accept-encoding']) delete out[reserved];
  return out;
}

function toStatus(err: unknown): { code: number; details: string } {
  if (err instanceof GrpcError) return { code: err.code, details: err.message };
  return { code: status.INTERNAL, details: 'internal error' };
}

function unary<Req, Res>(handler: (request: Req, metadata: Metadata) => Promise<Res> | Res) {
  return (call: ServerUnaryCall<Req | Malformed, Res>, callback: sendUnaryData<Res>) => {
    const request = call.request;
    if (isMalformed(request)) return callback({ code: status.INVALID_ARGUMENT, details: request.malformed });
    Promise.resolve()
      .then(() => handler(request, call.metadata))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(toStatus(err)),
      );
  };
}

export function grpcImplementation(backend: GrpcBackend): UntypedServiceImplementation {
  type NameVersion = { name: string; version: string };
  return {
    ServerLive: unary(() => ({ live: true })),
    ServerReady: unary(() => ({ ready: backend.ready() })),
    ServerMetadata: unary(() => backend.serverMetadata()),
    ModelReady: unary(async (r: NameVersion) => ({ ready: await backend.modelReady(r.name, r.version) })),
    ModelMetadata: unary((r: NameVersion) => backend.modelMetadata(r.name, r.version)),
    ModelConfig: unary(async (r: NameVersion) => ({ config: configToGrpc(await backend.modelConfig(r.name, r.version)) })),
    ModelStatistics: unary((r: NameVersion) => backend.modelStatistics(r.name, r.version)),
    ModelInfer: (call: ServerUnaryCall<ModelInferRequestMsg | Malformed, ModelInferResponseMsg>, callback: sendUnaryData<ModelInferResponseMsg>) => {
      const request = call.request;
      if (isMalformed(request)) return callback({ code: status.INVALID_ARGUMENT, details: request.malformed });
      backend.infer(request, metadataHeaders(call.metadata)).then(
        (answer) => {
          callback(null, answer.response);
          answer.after?.();
        },
        (err: unknown) => callback(toStatus(err)),
      );
    },
    ModelStreamInfer: (stream: ServerDuplexStream<ModelInferRequestMsg | Malformed, ModelStreamInferResponseMsg>) => streamInfer(backend, stream),
  };
}

/** Each request is answered on its own (by id) as it completes; an error is a message, not the end. */
function streamInfer(backend: GrpcBackend, stream: ServerDuplexStream<ModelInferRequestMsg | Malformed, ModelStreamInferResponseMsg>): void {
  const headers = metadataHeaders(stream.metadata);
  let inFlight = 0;
  let ended = false;
  const settle = () => {
    if (--inFlight === 0 && ended) stream.end();
  };
  const fail = (err: unknown, id: string) => {
    const { details } = toStatus(err);
    if (!stream.destroyed) stream.write({ error_message: details, infer_response: { model_name: '', model_version: '', id, outputs: [], raw_output_contents: [] } });
  };
  stream.on('data', (request: ModelInferRequestMsg | Malformed) => {
    inFlight++;
    if (isMalformed(request)) {
      fail(new GrpcError(status.INVALID_ARGUMENT, request.malformed), '');
      return settle();
    }
    backend.infer(request, headers).then(
      (answer) => {
        if (!stream.destroyed) stream.write({ error_message: '', infer_response: answer.response });
        answer.after?.();
      },
      (err: unknown) => fail(err, request.id),
    ).finally(settle);
  });
  stream.on('end', () => {
    ended = true;
    if (inFlight === 0) stream.end();
  });
  stream.on('error', () => undefined); // a client that goes away mid-stream
}

export interface GrpcListener {
  port: number;
  /** Stops taking calls, lets those in progress finish (cut after `graceMs`). */
  drain(graceMs?: number): Promise<void>;
  close(): void;
}

export async function listenGrpc(backend: GrpcBackend, host: string, port: number, maxMessageBytes: number): Promise<GrpcListener> {
  const server = new Server({ ...messageLimits(maxMessageBytes), 'grpc.keepalive_permit_without_calls': 1 });
  server.addService(serviceDefinition(), grpcImplementation(backend));
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host.includes(':') ? `[${host}]` : host}:${port}`, ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port: bound,
    // A client may hold a stream open for ever: after the grace period its calls are cut.
    drain: (graceMs = 30_000) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        timer.unref();
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    close: () => server.forceShutdown(),
  };
}

/** A version as KServe v2 names it: empty for "the one serving", else a canonical positive integer. */
export function parseModelVersion(version: string): number | undefined | null {
  if (version === '') return undefined;
  return /^[1-9]\d{0,8}$/.test(version) ? Number(version) : null;
}
