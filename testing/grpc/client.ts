/**
 * A KServe v2 gRPC client for tests and the bench, generated at load time from our own
 * `protocol/grpc/grpc_service.proto` (the file tritonclient's stubs are generated from
 * upstream): promisified unary calls, a stream helper, and typed-array views of raw outputs.
 */
import { credentials, Metadata, type Client, type ClientDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { inferenceClientConstructor, messageLimits } from '../../protocol/grpc/load';
import type { ModelInferRequestMsg, ModelInferResponseMsg, ModelStreamInferResponseMsg } from '../../protocol/grpc/messages';

type Unary = (request: unknown, metadata: Metadata, callback: (err: ServiceError | null, res: unknown) => void) => void;

export interface GrpcTestClient {
  raw: Client;
  call<T = Record<string, unknown>>(method: string, request: unknown, metadata?: Record<string, string>): Promise<T>;
  infer(request: Partial<ModelInferRequestMsg> & { model_name: string }, metadata?: Record<string, string>): Promise<ModelInferResponseMsg>;
  stream(metadata?: Record<string, string>): ClientDuplexStream<Partial<ModelInferRequestMsg>, ModelStreamInferResponseMsg>;
  close(): void;
}

function toMetadata(values: Record<string, string> = {}): Metadata {
  const m = new Metadata();
  for (const [k, v] of Object.entries(values)) m.set(k, v);
  return m;
}

export function grpcClient(address: string, maxMessageBytes = 64 * 1024 * 1024): GrpcTestClient {
  const Ctor = inferenceClientConstructor();
  const client = new Ctor(address, credentials.createInsecure(), messageLimits(maxMessageBytes));
  const call = <T>(method: string, request: unknown, metadata?: Record<string, string>) =>
    new Promise<T>((resolve, reject) => {
      (client[method] as Unary).call(client, request, toMetadata(metadata), (err, res) => (err ? reject(err) : resolve(res as T)));
    });
  return {
    raw: client,
    call,
    infer: (request, metadata) => call<ModelInferResponseMsg>('ModelInfer', request, metadata),
    stream: (metadata) => (client.ModelStreamInfer as (m: Metadata) => ClientDuplexStream<Partial<ModelInferRequestMsg>, ModelStreamInferResponseMsg>)(toMetadata(metadata)),
    close: () => client.close(),
  };
}

/** The gRPC status of a failed call, for assertions. */
export async function grpcFailure(p: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as ServiceError;
    return { code: e.code, details: e.details };
  }
  throw new Error('the call succeeded');
}

export function f32(bytes: Uint8Array): number[] {
  return Array.from(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}

export function rawOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
