/**
 * A KServe v2 HTTP answer as gRPC: a 200 binary-tensor response becomes a ModelInferResponse with
 * `raw_output_contents` (slices of the body, not copies); any other status becomes the gRPC code
 * Triton uses for it, with the runtime's or gateway's message. Pure.
 */
import { GRPC_STATUS } from './infer-request';
import type { GrpcFailure, InferOutputMsg, ModelInferResponseMsg, ParameterMap } from './messages';

interface HttpOutput {
  name: string;
  datatype: string;
  shape: number[];
  parameters?: Record<string, unknown>;
}

export function fromHttpInfer(body: Buffer, headerLength: number | undefined): ModelInferResponseMsg {
  const jsonLength = headerLength ?? body.length;
  const header = JSON.parse(body.subarray(0, jsonLength).toString('utf8')) as { id?: string; model_name: string; model_version: string; outputs: HttpOutput[] };
  let offset = jsonLength;
  const raw: Uint8Array[] = [];
  const outputs: InferOutputMsg[] = header.outputs.map((o) => {
    const { binary_data_size: size, ...rest } = o.parameters ?? {};
    if (typeof size !== 'number') throw new Error(`output '${o.name}' came back without binary data`);
    raw.push(body.subarray(offset, offset + size));
    offset += size;
    return { name: o.name, datatype: o.datatype, shape: o.shape, parameters: grpcParameters(rest) };
  });
  return { model_name: header.model_name, model_version: header.model_version, id: header.id ?? '', outputs, raw_output_contents: raw };
}

function grpcParameters(values: Record<string, unknown>): ParameterMap {
  const out: ParameterMap = {};
  for (const [key, v] of Object.entries(values)) {
    if (typeof v === 'boolean') out[key] = { bool_param: v };
    else if (typeof v === 'string') out[key] = { string_param: v };
    else if (typeof v === 'number') out[key] = Number.isInteger(v) ? { int64_param: v } : { double_param: v };
  }
  return out;
}

/** Triton's mapping of HTTP statuses to gRPC codes. */
export function grpcCodeFor(httpStatus: number): number {
  if (httpStatus === 400 || httpStatus === 413) return GRPC_STATUS.INVALID_ARGUMENT;
  if (httpStatus === 404) return GRPC_STATUS.NOT_FOUND;
  if (httpStatus === 405) return GRPC_STATUS.UNIMPLEMENTED;
  if (httpStatus === 503 || httpStatus === 502 || httpStatus === 504) return GRPC_STATUS.UNAVAILABLE;
  return GRPC_STATUS.INTERNAL;
}

/** A non-200 HTTP answer as a gRPC failure; the message is the body's `error`, else the status. */
export function failureFromHttp(status: number, body: Buffer): GrpcFailure {
  let details = `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: unknown };
    if (typeof parsed.error === 'string') details = parsed.error;
  } catch {
    // not JSON: keep the status
  }
  return { code: grpcCodeFor(status), details };
}
