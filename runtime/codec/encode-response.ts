/**
 * Encodes an inference response: JSON tensors, or a JSON header followed by raw output bytes
 * (the binary tensor data extension) when any output was asked for as binary. Pure.
 */
import type { InferOutputTensor, InferResponse } from '../../protocol/kserve';
import { decodeStrings, encodeStrings } from './bytes-tensor';
import { classify } from './classification';
import { bytesToValues, type NumericDatatype } from './tensor-values';
import type { RawTensor, RequestedOutput } from './types';

export interface EncodedResponse {
  body: Buffer;
  contentType: string;
  /** Set when binary data follows the JSON header: the header's length in bytes. */
  headerLength?: number;
}

export interface ResponseParts {
  id?: string;
  modelName: string;
  modelVersion: string;
  /** Every output the model produced for this request (extra ones are ignored). */
  tensors: RawTensor[];
  requested: RequestedOutput[];
}

export function encodeResponse(parts: ResponseParts): EncodedResponse {
  const binaries: Uint8Array[] = [];
  const outputs: InferOutputTensor[] = parts.requested.map((want) => {
    const t = parts.tensors.find((x) => x.name === want.name);
    if (!t) throw new Error(`the model produced no output '${want.name}'`);
    if (want.classCount) {
      const { shape, labels } = classify(t, want.classCount);
      const head = { name: t.name, datatype: 'BYTES', shape };
      if (!want.binary) return { ...head, data: labels };
      const bytes = encodeStrings(labels);
      binaries.push(bytes);
      return { ...head, parameters: { binary_data_size: bytes.byteLength } };
    }
    const head = { name: t.name, datatype: t.datatype, shape: t.shape };
    if (want.binary) {
      binaries.push(t.bytes);
      return { ...head, parameters: { binary_data_size: t.bytes.byteLength } };
    }
    return { ...head, data: t.datatype === 'BYTES' ? decodeStrings(t.bytes) : bytesToValues(t.datatype as NumericDatatype, t.bytes) };
  });
  const response: InferResponse = {
    ...(parts.id !== undefined && { id: parts.id }),
    model_name: parts.modelName,
    model_version: parts.modelVersion,
    outputs,
  };
  const json = Buffer.from(JSON.stringify(response), 'utf8');
  if (!binaries.length) return { body: json, contentType: 'application/json' };
  return {
    body: Buffer.concat([json, ...binaries]),
    contentType: 'application/octet-stream',
    headerLength: json.byteLength,
  };
}
