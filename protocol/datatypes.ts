/**
 * KServe v2 tensor datatypes and their mapping to ONNX Runtime's tensor types. Shared by the
 * runtime (decoding tensors) and the control plane (showing model signatures).
 */
export const DATATYPES = [
  'BOOL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FP16',
  'FP32',
  'FP64',
  'BYTES',
] as const;
export type Datatype = (typeof DATATYPES)[number];

/** The values each narrow integer datatype holds (64-bit ones travel as BigInt and are checked apart). */
export const INT_RANGES: Partial<Record<Datatype, readonly [min: number, max: number]>> = {
  UINT8: [0, 0xff],
  UINT16: [0, 0xffff],
  UINT32: [0, 0xffffffff],
  INT8: [-0x80, 0x7f],
  INT16: [-0x8000, 0x7fff],
  INT32: [-0x80000000, 0x7fffffff],
};

/** Bytes per element; BYTES is variable-length (length-prefixed strings) and has none. */
export const BYTES_PER_ELEMENT: Record<Exclude<Datatype, 'BYTES'>, number> = {
  BOOL: 1,
  UINT8: 1,
  UINT16: 2,
  UINT32: 4,
  UINT64: 8,
  INT8: 1,
  INT16: 2,
  INT32: 4,
  INT64: 8,
  FP16: 2,
  FP32: 4,
  FP64: 8,
};

/** onnxruntime-node's `Tensor.type` names, keyed by KServe datatype. */
export const ORT_TYPE: Record<Datatype, string> = {
  BOOL: 'bool',
  UINT8: 'uint8',
  UINT16: 'uint16',
  UINT32: 'uint32',
  UINT64: 'uint64',
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FP16: 'float16',
  FP32: 'float32',
  FP64: 'float64',
  BYTES: 'string',
};

const FROM_ORT: Record<string, Datatype> = Object.fromEntries(
  Object.entries(ORT_TYPE).map(([k, v]) => [v, k as Datatype]),
);

export function datatypeFromOrt(ortType: string): Datatype | undefined {
  return FROM_ORT[ortType];
}

/** A dimension of fixed size; -1 and symbolic names (`batch`, `p2o.DynamicDimension.0`) are dynamic. */
export const isFixedDim = (d: number | string): d is number => typeof d === 'number' && d >= 0;

/** One tensor of a model signature; a dynamic dimension is -1 or its symbolic name. */
export interface TensorSpec {
  name: string;
  datatype: Datatype;
  shape: (number | string)[];
}

export interface ModelSignature {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
}
