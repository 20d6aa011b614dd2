/**
 * ModelInfer as raw bytes, shared by the runtime's and the gateway's gRPC fuzz: a request encoded
 * as our proto encodes it (to mutate its bytes), and a unary call that sends bytes unparsed so
 * the server's own decoding meets whatever the mutation made.
 */
import { Metadata, status, type Client } from '@grpc/grpc-js';
import { inferenceDefinition, SERVICE_NAME } from '../../protocol/grpc/load';

export function encodeInferRequest(request: unknown): Buffer {
  const methods = inferenceDefinition()[SERVICE_NAME] as Record<string, { requestSerialize: (v: unknown) => Buffer }>;
  return methods.ModelInfer!.requestSerialize(request);
}

/** Resolves with the call's status (OK included), never rejects. */
export function rawInfer(client: Client, bytes: Buffer, metadata: Record<string, string> = {}): Promise<{ code: number; details: string }> {
  const m = new Metadata();
  for (const [k, v] of Object.entries(metadata)) m.set(k, v);
  return new Promise((resolve) => {
    client.makeUnaryRequest(`/${SERVICE_NAME}/ModelInfer`, (b: Buffer) => b, (b: Buffer) => b, bytes, m, (err) => resolve({ code: err?.code ?? status.OK, details: err?.details ?? '' }));
  });
}
