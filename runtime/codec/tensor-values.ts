/**
 * Tensor element values between JSON (numbers and booleans) and raw little-endian bytes, for
 * every datatype ONNX models use except BYTES. INT64/UINT64 travel as JSON numbers and as
 * BigInt inside; FP16 as numbers converted to and from half floats.
 */
import { BYTES_PER_ELEMENT, INT_RANGES, type Datatype } from '../../protocol/datatypes';
import { badRequest } from '../errors';
import { floatToHalf, halfToFloat } from './fp16';

export type NumericDatatype = Exclude<Datatype, 'BYTES'>;

type Typed =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** A typed array of `datatype` over `buffer` (FP16 and BOOL as raw Uint16/Uint8). */
export function typedArrayOf(datatype: NumericDatatype, buffer: ArrayBuffer, byteOffset = 0, length?: number): Typed {
  switch (datatype) {
    case 'BOOL':
    case 'UINT8':
      return new Uint8Array(buffer, byteOffset, length);
    case 'INT8':
      return new Int8Array(buffer, byteOffset, length);
    case 'UINT16':
    case 'FP16':
      return new Uint16Array(buffer, byteOffset, length);
    case 'INT16':
      return new Int16Array(buffer, byteOffset, length);
    case 'UINT32':
      return new Uint32Array(buffer, byteOffset, length);
    case 'INT32':
      return new Int32Array(buffer, byteOffset, length);
    case 'FP32':
      return new Float32Array(buffer, byteOffset, length);
    case 'FP64':
      return new Float64Array(buffer, byteOffset, length);
    case 'INT64':
      return new BigInt64Array(buffer, byteOffset, length);
    case 'UINT64':
      return new BigUint64Array(buffer, byteOffset, length);
  }
}

/** Flattens nested JSON tensor data (row-major) into one list. */
export function flattenData(data: unknown[]): unknown[] {
  return data.some(Array.isArray) ? data.flat(Infinity) : data;
}

/** Encodes flat JSON values as raw bytes, checking each value's type and range. */
export function valuesToBytes(datatype: NumericDatatype, values: unknown[], inputName: string): Uint8Array {
  const bytes = new Uint8Array(values.length * BYTES_PER_ELEMENT[datatype]);
  const out = typedArrayOf(datatype, bytes.buffer);
  const bad = (i: number, want: string) =>
    badRequest(`input '${inputName}': element ${i} (${JSON.stringify(values[i])}) is not ${want} for ${datatype}`);
  if (datatype === 'FP32' || datatype === 'FP64') {
    // The common case, kept to one tight loop.
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'number') throw bad(i, 'a number');
      out[i] = v;
    }
    return bytes;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (datatype === 'BOOL') {
      if (typeof v !== 'boolean') throw bad(i, 'a boolean');
      out[i] = v ? 1 : 0;
      continue;
    }
    if (typeof v !== 'number') throw bad(i, 'a number');
    if (datatype === 'FP16') {
      out[i] = floatToHalf(v);
    } else if (datatype === 'INT64' || datatype === 'UINT64') {
      if (!Number.isInteger(v) || (datatype === 'UINT64' && v < 0)) throw bad(i, 'an integer in range');
      out[i] = BigInt(v);
    } else {
      const [min, max] = INT_RANGES[datatype]!;
      if (!Number.isInteger(v) || v < min || v > max) throw bad(i, 'an integer in range');
      out[i] = v;
    }
  }
  return bytes;
}

/** Decodes raw bytes into JSON values (numbers, or booleans for BOOL). */
export function bytesToValues(datatype: NumericDatatype, bytes: Uint8Array): (number | boolean)[] {
  const bpe = BYTES_PER_ELEMENT[datatype];
  // Typed arrays need an aligned offset; copy when the slice is not.
  const aligned = bytes.byteOffset % bpe === 0 ? bytes : new Uint8Array(bytes);
  const view = typedArrayOf(datatype, aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / bpe);
  const values: (number | boolean)[] = new Array(view.length);
  for (let i = 0; i < view.length; i++) {
    const v = view[i]!;
    if (datatype === 'BOOL') values[i] = v !== 0;
    else if (datatype === 'FP16') values[i] = halfToFloat(v as number);
    else values[i] = Number(v);
  }
  return values;
}
