/**
 * The inference path of one request: decode → cache lookup → batcher → cache store → encode,
 * with every outcome recorded once (success, cache hit, or failure with its reason).
 */
import { cacheKey, type ResponseCache } from './cache/response-cache';
import { decodeRequest, type DecodeTarget } from './codec/decode-request';
import { encodeResponse, type EncodedResponse } from './codec/encode-response';
import type { DecodedRequest, RawTensor } from './codec/types';
import { toRuntimeError } from './errors';
import type { Recorder } from './metrics/recorder';
import type { Scheduler } from './batching/scheduler';

export interface InferenceDeps {
  model: string;
  version: string;
  target: DecodeTarget;
  scheduler: Scheduler;
  recorder: Recorder;
  cache?: ResponseCache;
}

const sinceNs = (t0: bigint) => Number(process.hrtime.bigint() - t0);

export async function infer(deps: InferenceDeps, body: Uint8Array | readonly Uint8Array[], headerLength: string | undefined, receivedNs: bigint): Promise<EncodedResponse> {
  try {
    const request = decodeRequest(body, headerLength, deps.target);
    const encode = (tensors: RawTensor[]) =>
      encodeResponse({ id: request.id, modelName: deps.model, modelVersion: deps.version, tensors, requested: request.outputs });

    let key: string | undefined;
    let lookupNs = 0;
    if (deps.cache) {
      const t0 = process.hrtime.bigint();
      key = cacheKey(deps.model, deps.version, request);
      const hit = deps.cache.get(key);
      lookupNs = sinceNs(t0);
      if (hit) {
        const response = encode(hit);
        deps.recorder.cacheHit(request.items, lookupNs, sinceNs(receivedNs));
        return response;
      }
    }
    const result = await deps.scheduler.submit(request);
    if (deps.cache && key) {
      const t0 = process.hrtime.bigint();
      deps.cache.set(key, requestedOnly(result.tensors, request));
      deps.recorder.cacheMiss(lookupNs + sinceNs(t0));
    }
    const response = encode(result.tensors);
    deps.recorder.success({ items: request.items, totalNs: sinceNs(receivedNs), ...result });
    return response;
  } catch (err) {
    const e = toRuntimeError(err);
    deps.recorder.failure(e.reason, sinceNs(receivedNs));
    throw e;
  }
}

function requestedOnly(tensors: RawTensor[], request: DecodedRequest): RawTensor[] {
  return tensors.filter((t) => request.outputs.some((o) => o.name === t.name));
}
