/**
 * Decodes a KServe v2 inference request body (JSON, or JSON header + binary tensor data) and
 * checks it against the model signature. Pure: every problem becomes a 400 with a message that
 * names the input and the rule broken. Allocation is bounded by the body: a tensor's element
 * count × element size must match data actually present before anything is allocated.
 */
import { BYTES_PER_ELEMENT } from '../../protocol/datatypes';
import { InferRequest, type InferInputTensor } from '../../protocol/kserve';
import { badRequest } from '../errors';
import type { ModelSig, TensorSig } from '../model/signature';
import { BodyChunks, contiguous, type TensorBytes } from './body-chunks';
import { checkBinaryStrings, stringsFromJson } from './bytes-tensor';
import { isPlainInferRequest } from './infer-request-shape';
import { flattenData, valuesToBytes, type NumericDatatype } from './tensor-values';
import type { DecodedRequest, InputTensor, RequestedOutput } from './types';

export interface DecodeTarget {
  sig: ModelSig;
  /** 0 = unbatched: shapes are the model's full shapes. */
  maxBatchSize: number;
}

/** `body` may be the chunks as read: binary tensors stay views of them (see body-chunks.ts). */
export function decodeRequest(body: Uint8Array | readonly Uint8Array[], headerLength: string | undefined, target: DecodeTarget): DecodedRequest {
  try {
    return decode(new BodyChunks(body), headerLength, target);
  } catch (err) {
    // Pathologically nested JSON overflows the stack in parsing or flattening: still the client's fault.
    if (err instanceof RangeError) throw badRequest(`request is malformed: ${err.message}`);
    throw err;
  }
}

function decode(body: BodyChunks, headerLength: string | undefined, target: DecodeTarget): DecodedRequest {
  const jsonLength = parseHeaderLength(headerLength, body.byteLength);
  const request = parseJson(contiguous(body.range(0, jsonLength)));
  const binaryLength = body.byteLength - jsonLength;
  let cursor = 0;

  const seen = new Set<string>();
  const byName = new Map<string, InputTensor>();
  for (const input of request.inputs) {
    const spec = target.sig.inputs.find((s) => s.name === input.name);
    if (!spec) throw badRequest(`unknown input '${input.name}'; the model's inputs are ${names(target.sig.inputs)}`);
    if (seen.has(input.name)) throw badRequest(`input '${input.name}' is given more than once`);
    seen.add(input.name);
    checkShape(input, spec, target.maxBatchSize);
    const elements = elementCount(input.shape, input.name, body.byteLength);
    const size = binaryDataSize(input);
    let bytes: TensorBytes;
    if (size !== undefined) {
      if (input.data !== undefined) throw badRequest(`input '${input.name}' has both 'data' and binary_data_size`);
      // BYTES elements vary in length: their count is checked once the bytes are in hand.
      const want = spec.datatype === 'BYTES' ? size : elements * BYTES_PER_ELEMENT[spec.datatype as NumericDatatype];
      if (size !== want) {
        throw badRequest(`input '${input.name}': binary_data_size ${size} does not match shape [${input.shape}] × ${spec.datatype} (${want} bytes)`);
      }
      if (cursor + size > binaryLength) {
        throw badRequest(`input '${input.name}': binary data ends after ${binaryLength - cursor} of ${size} bytes`);
      }
      bytes = body.range(jsonLength + cursor, jsonLength + cursor + size);
      cursor += size;
      if (spec.datatype === 'BYTES') {
        bytes = contiguous(bytes);
        checkBinaryStrings(bytes, elements, input.name);
      }
    } else {
      if (!Array.isArray(input.data)) throw badRequest(`input '${input.name}' has neither 'data' nor binary_data_size`);
      const values = flattenData(input.data);
      if (values.length !== elements) {
        throw badRequest(`input '${input.name}': data has ${values.length} elements but shape [${input.shape}] needs ${elements}`);
      }
      bytes = spec.datatype === 'BYTES' ? stringsFromJson(values, input.name) : valuesToBytes(spec.datatype as NumericDatatype, values, input.name);
    }
    byName.set(input.name, { name: input.name, datatype: spec.datatype, shape: input.shape, bytes });
  }
  if (cursor !== binaryLength) {
    throw badRequest(`${binaryLength - cursor} bytes of binary data follow the inputs unclaimed`);
  }
  const missing = target.sig.inputs.filter((s) => !byName.has(s.name)).map((s) => s.name);
  if (missing.length) throw badRequest(`missing input(s): ${missing.join(', ')}`);
  const inputs = target.sig.inputs.map((s) => byName.get(s.name)!);

  const items = target.maxBatchSize > 0 ? batchItems(inputs, target.maxBatchSize) : 1;
  return {
    ...(request.id !== undefined && { id: request.id }),
    inputs,
    outputs: requestedOutputs(request, target.sig),
    items,
    ...requestParameters(request.parameters),
  };
}

function parseHeaderLength(raw: string | undefined, bodyLength: number): number {
  if (raw === undefined) return bodyLength;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`Inference-Header-Content-Length '${raw}' is not a byte count`);
  const n = Number(raw);
  if (n > bodyLength) throw badRequest(`Inference-Header-Content-Length ${n} exceeds the body's ${bodyLength} bytes`);
  return n;
}

function parseJson(bytes: Uint8Array): InferRequest {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (err) {
    throw badRequest(`request body is not valid JSON: ${(err as Error).message}`);
  }
  // Named before the schema check, whose enum message would not say which type was refused.
  const bf16 = (json as { inputs?: { name?: unknown; datatype?: unknown }[] } | null)?.inputs;
  const refused = Array.isArray(bf16) ? bf16.find((i) => i?.datatype === 'BF16') : undefined;
  if (refused) throw badRequest(`input '${String(refused.name)}': datatype BF16 is not supported (ONNX Runtime for Node has no bfloat16 tensors)`);
  if (isPlainInferRequest(json)) return json;
  const parsed = InferRequest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest(`invalid inference request at '${issue.path.join('.') || '(root)'}': ${issue.message}`);
  }
  return parsed.data;
}

function names(specs: TensorSig[]): string {
  return specs.map((s) => `'${s.name}'`).join(', ');
}

function checkShape(input: InferInputTensor, spec: TensorSig, maxBatchSize: number): void {
  if (input.datatype !== spec.datatype) {
    throw badRequest(`input '${input.name}' has datatype ${input.datatype}; the model expects ${spec.datatype}`);
  }
  if (input.shape.some((d) => d < 0)) throw badRequest(`input '${input.name}': shape [${input.shape}] has a negative dimension`);
  if (spec.shape.length === 0) return; // the model declares no shape: ONNX Runtime checks it
  if (input.shape.length !== spec.shape.length) {
    throw badRequest(`input '${input.name}': shape [${input.shape}] has rank ${input.shape.length}; the model expects [${spec.shape}]`);
  }
  const from = maxBatchSize > 0 ? 1 : 0;
  for (let i = from; i < spec.shape.length; i++) {
    if (spec.shape[i] !== -1 && spec.shape[i] !== input.shape[i]) {
      throw badRequest(`input '${input.name}': shape [${input.shape}] does not match the model's [${spec.shape}]`);
    }
  }
}

/** Element count, refusing counts no body of this size could carry (allocation bombs). */
function elementCount(shape: number[], name: string, bodyLength: number): number {
  let n = 1;
  for (const d of shape) n *= d;
  // Every element takes at least one byte in binary and two ("0,") in JSON.
  if (n > bodyLength) throw badRequest(`input '${name}': shape [${shape}] has ${n} elements, more than the body could hold`);
  return n;
}

function binaryDataSize(input: InferInputTensor): number | undefined {
  const raw = input.parameters?.binary_data_size;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw badRequest(`input '${input.name}': binary_data_size must be a non-negative integer`);
  }
  return raw;
}

function batchItems(inputs: InputTensor[], maxBatchSize: number): number {
  const first = inputs[0]!;
  const items = first.shape[0]!;
  for (const t of inputs) {
    if (t.shape[0] !== items) throw badRequest(`inputs disagree on the batch dimension: '${first.name}' has ${items}, '${t.name}' has ${t.shape[0]}`);
  }
  if (items < 1) throw badRequest(`batch dimension must be at least 1, got ${items}`);
  if (items > maxBatchSize) throw badRequest(`batch size ${items} exceeds the model's max batch size ${maxBatchSize}`);
  return items;
}

function requestedOutputs(request: InferRequest, sig: ModelSig): RequestedOutput[] {
  const binaryDefault = flag(request.parameters?.binary_data_output, 'binary_data_output') ?? false;
  if (!request.outputs?.length) return sig.outputs.map((o) => ({ name: o.name, binary: binaryDefault }));
  const seen = new Set<string>();
  return request.outputs.map((o) => {
    if (!sig.outputs.some((s) => s.name === o.name)) {
      throw badRequest(`unknown output '${o.name}'; the model's outputs are ${names(sig.outputs)}`);
    }
    if (seen.has(o.name)) throw badRequest(`output '${o.name}' is requested more than once`);
    seen.add(o.name);
    const classCount = o.parameters?.class_count;
    if (classCount !== undefined && (typeof classCount !== 'number' || !Number.isInteger(classCount) || classCount < 0)) {
      throw badRequest(`output '${o.name}': class_count must be a non-negative integer`);
    }
    return { name: o.name, binary: flag(o.parameters?.binary_data, 'binary_data') ?? binaryDefault, ...(classCount ? { classCount } : {}) };
  });
}

function flag(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`parameter '${name}' must be a boolean`);
  return value;
}

function requestParameters(params: Record<string, unknown> | undefined): { priority: number; timeoutUs?: number } {
  const priority = params?.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0) {
    throw badRequest('parameter \'priority\' must be a non-negative integer');
  }
  const timeout = params?.timeout;
  if (timeout === undefined) return { priority };
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 0) {
    throw badRequest('parameter \'timeout\' must be a non-negative integer (microseconds)');
  }
  return { priority, timeoutUs: timeout };
}
