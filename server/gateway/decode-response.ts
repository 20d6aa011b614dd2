/**
 * Decodes a KServe v2 infer response (JSON, or JSON header plus binary tensor data) into numeric
 * arrays, or strings for BYTES, for shadow comparison. Pure; returns undefined for anything it
 * cannot read.
 */
export interface DecodedTensor {
  name: string;
  datatype: string;
  shape: number[];
  /** Empty for BYTES, whose elements are in `strings`. */
  values: Float64Array;
  strings?: string[];
}

const READERS: Record<string, [number, (v: DataView, o: number) => number]> = {
  BOOL: [1, (v, o) => v.getUint8(o)],
  UINT8: [1, (v, o) => v.getUint8(o)],
  INT8: [1, (v, o) => v.getInt8(o)],
  UINT16: [2, (v, o) => v.getUint16(o, true)],
  INT16: [2, (v, o) => v.getInt16(o, true)],
  UINT32: [4, (v, o) => v.getUint32(o, true)],
  INT32: [4, (v, o) => v.getInt32(o, true)],
  UINT64: [8, (v, o) => Number(v.getBigUint64(o, true))],
  INT64: [8, (v, o) => Number(v.getBigInt64(o, true))],
  FP16: [2, (v, o) => halfToFloat(v.getUint16(o, true))],
  FP32: [4, (v, o) => v.getFloat32(o, true)],
  FP64: [8, (v, o) => v.getFloat64(o, true)],
};

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

interface OutputHeader {
  name: string;
  datatype: string;
  shape: number[];
  data?: unknown[];
  parameters?: { binary_data_size?: number };
}

export function decodeInferResponse(body: Buffer, headerLength?: number): DecodedTensor[] | undefined {
  try {
    const jsonLength = headerLength ?? body.length;
    const header = JSON.parse(body.subarray(0, jsonLength).toString('utf8')) as { outputs?: OutputHeader[] };
    let offset = jsonLength;
    const out: DecodedTensor[] = [];
    for (const o of header.outputs ?? []) {
      if (o.datatype === 'BYTES') {
        const size = o.parameters?.binary_data_size;
        const strings = size === undefined ? stringData(o.data) : binaryStrings(body.subarray(offset, offset + size), offset + size <= body.length);
        if (!strings) return undefined;
        offset += size ?? 0;
        out.push({ name: o.name, datatype: o.datatype, shape: o.shape, values: new Float64Array(0), strings });
        continue;
      }
      // Own keys only: a datatype of 'constructor' must not find Object's.
      const reader = Object.hasOwn(READERS, o.datatype) ? READERS[o.datatype] : undefined;
      if (!reader) return undefined;
      let values: Float64Array;
      const size = o.parameters?.binary_data_size;
      if (size !== undefined) {
        const [width, read] = reader;
        if (offset + size > body.length || size % width !== 0) return undefined;
        const view = new DataView(body.buffer, body.byteOffset + offset, size);
        values = new Float64Array(size / width);
        for (let i = 0; i < values.length; i++) values[i] = read(view, i * width);
        offset += size;
      } else {
        values = Float64Array.from((o.data ?? []).flat(Infinity as 1) as number[], Number);
      }
      out.push({ name: o.name, datatype: o.datatype, shape: o.shape, values });
    }
    return out;
  } catch {
    return undefined;
  }
}

function stringData(data: unknown[] | undefined): string[] | undefined {
  const flat = (data ?? []).flat(Infinity as 1);
  return flat.every((v) => typeof v === 'string') ? (flat as string[]) : undefined;
}

/** Triton's binary BYTES form: each element a 4-byte little-endian length, then its bytes. */
function binaryStrings(bytes: Buffer, complete: boolean): string[] | undefined {
  if (!complete) return undefined;
  const out: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 4 > bytes.length) return undefined;
    const end = at + 4 + bytes.readUInt32LE(at);
    if (end > bytes.length) return undefined;
    out.push(bytes.toString('utf8', at + 4, end));
    at = end;
  }
  return out;
}
