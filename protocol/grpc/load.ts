/**
 * Loads `grpc_service.proto` once: the service definition the gateway and the runtime serve and
 * that tests and the bench use as their generated client. Messages decode to plain objects with
 * proto field names; 64-bit integers as decimal strings (exact), enums by name, bytes as Buffers.
 */
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';

export const PROTO_PATH = fileURLToPath(new URL('./grpc_service.proto', import.meta.url));
export const SERVICE_NAME = 'inference.GRPCInferenceService';

let definition: PackageDefinition | undefined;

export function inferenceDefinition(): PackageDefinition {
  definition ??= loadSync(PROTO_PATH, { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  return definition;
}

/** The service's client constructor (`new Client(address, credentials, options)`). */
export function inferenceClientConstructor(): ServiceClientConstructor {
  const pkg = loadPackageDefinition(inferenceDefinition()).inference as GrpcObject;
  return pkg.GRPCInferenceService as ServiceClientConstructor;
}

/** grpc-js options for both ends: messages as large as the HTTP body limit, not gRPC's 4 MB. */
export function messageLimits(maxBytes: number): Record<string, number> {
  return { 'grpc.max_receive_message_length': maxBytes, 'grpc.max_send_message_length': maxBytes };
}
