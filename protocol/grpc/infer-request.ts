/**
 * A gRPC ModelInferRequest as the KServe v2 HTTP binary-tensor request the runtime decodes: a
 * JSON header (inputs with `binary_data_size`, every output asked for as binary) followed by the
 * tensors' raw bytes. Typed `contents` are written as raw little-endian bytes here, so INT64
 * stays exact and the runtime keeps one decoder. Pure; a bad request throws `GrpcRequestError`.
 */
import type { InferInputMsg, InferParameterMsg, ModelInferRequestMsg, ParameterMap, TensorContentsMsg } from './messages';
import { INT_RANGES, type Datatype } from '../datatypes';

export const GRPC_STATUS = { INVALID_ARGUMENT: 3, NOT_FOUND: 5, RESOURCE_EXHAUSTED: 8, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14 } as const;

export class GrpcRequestError extends Error {
  readonly code = GRPC_STATUS.INVALID_ARGUMENT;
}

export interface HttpInferRequest {
  /** JSON header first, then one raw buffer per input: written as they are, never concatenated. */
  chunks: Buffer[];
  headerLength: number;
}

type ContentsField = keyof TensorContentsMsg;
/** Which `contents` field carries each datatype, and its element width (BYTES: length-prefixed). */
const CONTENTS: Record<string, [ContentsField, number]> = {
  BOOL: ['bool_contents', 1],
  UINT8: ['uint_contents', 1],
  UINT16: ['uint_contents', 2],
  UINT32: ['uint_contents', 4],
  UINT64: ['uint64_contents', 8],
  INT8: ['int_contents', 1],
  INT16: ['int_contents', 2],
  INT32: ['int_contents', 4],
  INT64: ['int64_contents', 8],
  FP32: ['fp32_contents', 4],
  FP64: ['fp64_contents', 8],
  BYTES: ['bytes_contents', 0],
};

export function toHttpInfer(req: ModelInferRequestMsg): HttpInferRequest {
  const raw = req.raw_input_contents ?? [];
  if (raw.length > 0 && raw.length !== req.inputs.length) {
    throw new GrpcRequestError(`expected ${req.inputs.length} raw_input_contents (one per input), got ${raw.length}`);
  }
  const buffers: Buffer[] = [];
  const inputs = req.inputs.map((input, i) => {
    const bytes = raw.length > 0 ? rawFor(input, raw[i]!) : contentsToBytes(input);
    buffers.push(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { name: input.name, datatype: input.datatype, shape: shapeOf(input), parameters: { ...jsonParameters(input.parameters), binary_data_size: bytes.byteLength } };
  });
  const outputs = (req.outputs ?? []).map((o) => ({ name: o.name, parameters: { ...jsonParameters(o.parameters), binary_data: true } }));
  const header = {
    ...(req.id !== '' && { id: req.id }),
    parameters: { ...jsonParameters(req.parameters), binary_data_output: true },
    inputs,
    ...(outputs.length > 0 && { outputs }),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  return { chunks: [json, ...buffers], headerLength: json.byteLength };
}

function rawFor(input: InferInputMsg, bytes: Uint8Array): Uint8Array {
  if (input.contents && Object.values(input.contents).some((v) => Array.isArray(v) && v.length > 0)) {
    throw new GrpcRequestError(`input '${input.name}' has both contents and raw_input_contents`);
  }
  const width = Object.hasOwn(CONTENTS, input.datatype) ? CONTENTS[input.datatype]![1] : input.datatype === 'FP16' ? 2 : 0;
  if (width > 0) {
    const want = shapeOf(input).reduce((n, d) => n * d, 1) * width;
    if (bytes.byteLength !== want) {
      throw new GrpcRequestError(`input '${input.name}': raw_input_contents has ${bytes.byteLength} bytes but shape [${input.shape.join(',')}] × ${input.datatype} needs ${want}`);
    }
  }
  return bytes;
}

/** Dims as numbers; sizes are checked against the data by the runtime, which names the input. */
function shapeOf(input: InferInputMsg): number[] {
  return input.shape.map((d) => {
    const n = Number(d);
    if (!Number.isSafeInteger(n)) throw new GrpcRequestError(`input '${input.name}': dimension ${d} is out of range`);
    return n;
  });
}

function contentsToBytes(input: InferInputMsg): Uint8Array {
  const spec = Object.hasOwn(CONTENTS, input.datatype) ? CONTENTS[input.datatype] : undefined;
  if (!spec) throw new GrpcRequestError(`input '${input.name}': datatype ${input.datatype} must be sent in raw_input_contents`);
  const [field, width] = spec;
  const values = (input.contents?.[field] ?? []) as unknown[];
  const elements = shapeOf(input).reduce((n, d) => n * d, 1);
  if (values.length !== elements) {
    throw new GrpcRequestError(`input '${input.name}': ${field} has ${values.length} elements but shape [${input.shape.join(',')}] needs ${elements}`);
  }
  if (input.datatype === 'BYTES') return serializeBytes(values as Uint8Array[]);
  const out = new Uint8Array(values.length * width);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) writeElement(view, i * width, input, values[i]);
  return out;
}

/** BYTES in the binary tensor form: each element as a 4-byte little-endian length, then its bytes. */
export function serializeBytes(elements: readonly Uint8Array[]): Buffer {
  const size = elements.reduce((n, e) => n + 4 + e.byteLength, 0);
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const e of elements) {
    out.writeUInt32LE(e.byteLength, offset);
    out.set(e, offset + 4);
    offset += 4 + e.byteLength;
  }
  return out;
}

function writeElement(view: DataView, at: number, input: InferInputMsg, v: unknown): void {
  const t = input.datatype;
  if (t === 'BOOL') return view.setUint8(at, v ? 1 : 0);
  if (t === 'FP32') return view.setFloat32(at, Number(v), true);
  if (t === 'FP64') return view.setFloat64(at, Number(v), true);
  if (t === 'INT64' || t === 'UINT64') {
    let big: bigint;
    try {
      big = BigInt(v as string);
    } catch {
      throw new GrpcRequestError(`input '${input.name}': ${String(v)} is not an integer`);
    }
    return t === 'INT64' ? view.setBigInt64(at, big, true) : view.setBigUint64(at, big, true);
  }
  // `t` passed contentsToBytes' own-key check: one of the narrow integer types by now.
  const [min, max] = INT_RANGES[t as Datatype]!;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new GrpcRequestError(`input '${input.name}': ${String(v)} is out of range for ${t}`);
  if (t === 'UINT8' || t === 'INT8') view.setUint8(at, n & 0xff);
  else if (t === 'UINT16' || t === 'INT16') view.setUint16(at, n & 0xffff, true);
  else view.setUint32(at, n >>> 0, true);
}

/** gRPC parameters as the JSON values the HTTP protocol carries (int64 as a number). */
export function jsonParameters(params: ParameterMap | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  // Own entries only: a client's parameter named __proto__ is data, not a prototype.
  for (const [key, p] of Object.entries(params ?? {})) out[key] = parameterValue(p);
  return out;
}

function parameterValue(p: InferParameterMsg): unknown {
  switch (p.parameter_choice) {
    case 'bool_param':
      return p.bool_param;
    case 'int64_param':
      return Number(p.int64_param);
    case 'uint64_param':
      return Number(p.uint64_param);
    case 'double_param':
      return p.double_param;
    case 'string_param':
      return p.string_param;
    default:
      return undefined;
  }
}
