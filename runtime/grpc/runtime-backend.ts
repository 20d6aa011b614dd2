/**
 * The runtime's gRPC service (`--grpc-port`, for standalone use): the same checks and answers
 * as its HTTP routes. ModelInfer is translated to the binary-tensor request the HTTP path
 * decodes and runs through the same `infer`, so both protocols share one decoder, batcher,
 * cache and statistics.
 */
import { GRPC_STATUS, GrpcRequestError, toHttpInfer } from '../../protocol/grpc/infer-request';
import { fromHttpInfer, grpcCodeFor } from '../../protocol/grpc/infer-response';
import type { HttpModelConfig } from '../../protocol/grpc/model-config';
import { GrpcError, type GrpcBackend } from '../../protocol/grpc/serve';
import { SERVED_EXTENSIONS } from '../../protocol/kserve-messages';
import { RuntimeError } from '../errors';
import { checkModel, modelConfig, modelMetadata, servingOr503, SERVER_NAME, SERVER_VERSION, type RuntimeState } from '../http/routes';
import { infer } from '../inference';

function asGrpc(err: unknown): unknown {
  if (err instanceof RuntimeError) return new GrpcError(grpcCodeFor(err.status), err.message);
  if (err instanceof GrpcRequestError) return new GrpcError(err.code, err.message);
  return err;
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asGrpc(err);
  }
}

/** Name and version as the HTTP path names them; an empty version is the one served. */
function check(state: RuntimeState, name: string, version: string): void {
  guard(() => checkModel(state, name, version === '' ? undefined : version));
}

export function runtimeBackend(state: RuntimeState): GrpcBackend {
  return {
    ready: () => state.ready && !state.draining,
    serverMetadata: () => ({ name: SERVER_NAME, version: SERVER_VERSION, extensions: SERVED_EXTENSIONS }),
    modelReady: async (name, version) => {
      check(state, name, version);
      return state.ready && !state.draining;
    },
    modelMetadata: async (name, version) => {
      check(state, name, version);
      return guard(() => modelMetadata(state, servingOr503(state)));
    },
    modelConfig: async (name, version) => {
      check(state, name, version);
      return guard(() => modelConfig(state, servingOr503(state))) as HttpModelConfig;
    },
    modelStatistics: async (name, version) => {
      if (name !== '') check(state, name, version);
      return guard(() => servingOr503(state).recorder.triton.toTriton(state.model, state.version));
    },
    async infer(request) {
      const receivedNs = process.hrtime.bigint();
      check(state, request.model_name, request.model_version);
      if (state.draining) throw new GrpcError(GRPC_STATUS.UNAVAILABLE, 'the runtime is draining and accepts no new requests');
      if (!state.ready) throw new GrpcError(GRPC_STATUS.UNAVAILABLE, state.notReadyReason);
      try {
        const serving = servingOr503(state);
        const http = toHttpInfer(request);
        const response = await infer(serving.deps, http.chunks, String(http.headerLength), receivedNs);
        return { response: fromHttpInfer(response.body, response.headerLength) };
      } catch (err) {
        throw asGrpc(err);
      }
    },
  };
}
