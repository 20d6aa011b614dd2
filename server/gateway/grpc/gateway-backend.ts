/**
 * The gateway's gRPC service: ModelInfer is translated to the runtime's binary-tensor HTTP
 * request and routed by `Gateway.routeInfer`, the same path HTTP takes (canary, sticky key from
 * metadata, preview, pin, shadow, retries, traffic figures), so there is one upstream protocol.
 * Metadata, config and statistics come from replicas as over HTTP.
 */
import { status } from '@grpc/grpc-js';
import { fromHttpInfer, failureFromHttp } from '../../../protocol/grpc/infer-response';
import { GrpcRequestError, toHttpInfer } from '../../../protocol/grpc/infer-request';
import type { HttpModelConfig } from '../../../protocol/grpc/model-config';
import { GrpcError, parseModelVersion, type GrpcBackend } from '../../../protocol/grpc/serve';
import { INFERENCE_HEADER_CONTENT_LENGTH } from '../../../protocol/kserve';
import { unknownModel } from '../../../protocol/kserve-messages';
import { grpcCodeFor } from '../../../protocol/grpc/infer-response';
import { HttpError } from '../http-error';
import { GATEWAY_METADATA, type Gateway } from '../server';

function version(name: string, v: string): number | undefined {
  const parsed = parseModelVersion(v);
  if (parsed === null) throw new GrpcError(status.NOT_FOUND, unknownModel(name, v));
  return parsed;
}

/** The gateway's refusals and a runtime's non-200 answers, as gRPC statuses. */
function asGrpc(err: unknown): unknown {
  if (err instanceof HttpError) return new GrpcError(grpcCodeFor(err.status), err.message);
  if (err instanceof GrpcRequestError) return new GrpcError(err.code, err.message);
  return err;
}

async function getJson(gateway: Gateway, name: string, v: string, suffix: string): Promise<unknown> {
  const upstream = await gateway.getFromReplica(name, version(name, v), suffix).catch((err: unknown) => Promise.reject(asGrpc(err)));
  if (upstream.status !== 200) {
    const f = failureFromHttp(upstream.status, upstream.body);
    throw new GrpcError(f.code, f.details);
  }
  return JSON.parse(upstream.body.toString('utf8')) as unknown;
}

export function gatewayBackend(gateway: Gateway): GrpcBackend {
  return {
    ready: () => gateway.isReady(),
    serverMetadata: () => GATEWAY_METADATA,
    async modelReady(name, v) {
      const upstream = await gateway.getFromReplica(name, version(name, v), '/ready').catch((err: unknown) => Promise.reject(asGrpc(err)));
      return upstream.status === 200;
    },
    modelMetadata: (name, v) => getJson(gateway, name, v, ''),
    modelConfig: async (name, v) => (await getJson(gateway, name, v, '/config')) as HttpModelConfig,
    modelStatistics: (name, v) => gateway.modelStats(name === '' ? undefined : name, name === '' ? undefined : version(name, v)).catch((err: unknown) => Promise.reject(asGrpc(err))),
    async infer(request, metadata) {
      try {
        const pinnedVersion = version(request.model_name, request.model_version);
        const http = toHttpInfer(request);
        const headers = { ...metadata, 'content-type': 'application/octet-stream', [INFERENCE_HEADER_CONTENT_LENGTH]: String(http.headerLength) };
        const served = await gateway.routeInfer({ endpoint: request.model_name, pinnedVersion, headers, body: () => Promise.resolve(http.chunks) });
        const { upstream } = served;
        if (upstream.status !== 200) {
          const f = failureFromHttp(upstream.status, upstream.body);
          throw new GrpcError(f.code, f.details);
        }
        const header = upstream.headers[INFERENCE_HEADER_CONTENT_LENGTH];
        const response = fromHttpInfer(upstream.body, typeof header === 'string' ? Number(header) : undefined);
        return { response, ...(served.mirror && { after: served.mirror }) };
      } catch (err) {
        throw asGrpc(err);
      }
    },
  };
}
