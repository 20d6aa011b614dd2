/**
 * A small declarative ONNX model builder for tests: graph inputs/outputs, nodes and initializers
 * in, ModelProto bytes out (ir_version 8, default-domain opset 17).
 */
import type { Datatype, TensorSpec } from '../../protocol/datatypes';
import { ATTRIBUTE_TYPE, ModelProto } from './proto';

/** TensorProto.DataType numbers, keyed by KServe datatype (BYTES is ONNX STRING). */
export const ONNX_ELEM_TYPE: Record<Datatype, number> = {
  FP32: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  BYTES: 8,
  BOOL: 9,
  FP16: 10,
  FP64: 11,
  UINT32: 12,
  UINT64: 13,
};

export type AttributeValue =
  | { int: number }
  | { float: number }
  | { ints: number[] }
  | { floats: number[] }
  | { string: string };

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, AttributeValue>;
  name?: string;
}

/** A constant tensor; `data` holds the element bytes (FP16 as Uint16Array bits, BOOL as Uint8Array). */
export interface InitializerSpec {
  name: string;
  datatype: Exclude<Datatype, 'BYTES'>;
  dims: number[];
  data: ArrayBufferView;
}

export interface ModelSpec {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  nodes: NodeSpec[];
  initializers?: InitializerSpec[];
  graphName?: string;
}

export const IR_VERSION = 8;
export const OPSET_VERSION = 17;

/** A dimension: a number ≥ 0 is fixed, a string is symbolic, -1 is unknown (neither set). */
function dimension(dim: number | string): Record<string, unknown> {
  if (typeof dim === 'string') return { dim_param: dim };
  return dim >= 0 ? { dim_value: dim } : {};
}

function valueInfo(spec: TensorSpec): Record<string, unknown> {
  return {
    name: spec.name,
    type: {
      tensor_type: {
        elem_type: ONNX_ELEM_TYPE[spec.datatype],
        shape: { dim: spec.shape.map(dimension) },
      },
    },
  };
}

function attribute(name: string, value: AttributeValue): Record<string, unknown> {
  if ('int' in value) return { name, type: ATTRIBUTE_TYPE.INT, i: value.int };
  if ('float' in value) return { name, type: ATTRIBUTE_TYPE.FLOAT, f: value.float };
  if ('ints' in value) return { name, type: ATTRIBUTE_TYPE.INTS, ints: value.ints };
  if ('floats' in value) return { name, type: ATTRIBUTE_TYPE.FLOATS, floats: value.floats };
  return { name, type: ATTRIBUTE_TYPE.STRING, s: new TextEncoder().encode(value.string) };
}

function initializer(spec: InitializerSpec): Record<string, unknown> {
  // raw_data is little-endian; every platform Node supports here is little-endian.
  const raw = new Uint8Array(spec.data.buffer, spec.data.byteOffset, spec.data.byteLength);
  return {
    name: spec.name,
    data_type: ONNX_ELEM_TYPE[spec.datatype],
    dims: spec.dims,
    raw_data: Uint8Array.from(raw),
  };
}

export function buildModel(spec: ModelSpec): Uint8Array {
  const model = {
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: OPSET_VERSION }],
    producer_name: 'slipway-testing',
    producer_version: '1',
    graph: {
      name: spec.graphName ?? 'test_graph',
      node: spec.nodes.map((node, index) => ({
        name: node.name ?? `${node.op.toLowerCase()}_${index}`,
        op_type: node.op,
        input: node.inputs,
        output: node.outputs,
        attribute: Object.entries(node.attributes ?? {}).map(([n, v]) => attribute(n, v)),
      })),
      initializer: (spec.initializers ?? []).map(initializer),
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  };
  const message = ModelProto.fromObject(model);
  // protobufjs hands back a pooled Buffer in Node; callers get a plain, unshared Uint8Array.
  return new Uint8Array(ModelProto.encode(message).finish());
}
