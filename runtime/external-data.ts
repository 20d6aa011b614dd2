/**
 * Finds tensors that keep their bytes in external files (`data_location: EXTERNAL` or
 * `external_data` entries). ONNX Runtime resolves those paths itself, relative to wherever it
 * thinks the model lives (the process's working directory for a buffer), so an upload could make
 * it read any file the server can. We walk the ONNX protobuf wire format, skipping everything that
 * cannot hold a tensor, and never hand such a model to ONNX Runtime.
 */
import protobuf from 'protobufjs/minimal.js';

/** Protobuf's default recursion limit, which ONNX Runtime parses with: nothing deeper loads there. */
const MAX_DEPTH = 100;

type Kind = 'model' | 'graph' | 'node' | 'attribute' | 'tensor' | 'sparse' | 'training' | 'function';

/** Per message kind: the field numbers (onnx/onnx.proto) whose submessages may hold tensors. */
const CHILDREN: Record<Exclude<Kind, 'tensor'>, ReadonlyMap<number, Kind>> = {
  // graph = 7, training_info = 20, functions = 25
  model: new Map([[7, 'graph'], [20, 'training'], [25, 'function']]),
  // node = 1, initializer = 5, sparse_initializer = 15
  graph: new Map([[1, 'node'], [5, 'tensor'], [15, 'sparse']]),
  // attribute = 5
  node: new Map([[5, 'attribute']]),
  // t = 5, g = 6, tensors = 10, graphs = 11, sparse_tensor = 22, sparse_tensors = 23
  attribute: new Map([[5, 'tensor'], [6, 'graph'], [10, 'tensor'], [11, 'graph'], [22, 'sparse'], [23, 'sparse']]),
  // values = 1, indices = 2
  sparse: new Map([[1, 'tensor'], [2, 'tensor']]),
  // initialization = 1, algorithm = 2
  training: new Map([[1, 'graph'], [2, 'graph']]),
  // node = 7, attribute_proto = 11
  function: new Map([[7, 'node'], [11, 'attribute']]),
};

const LENGTH_DELIMITED = 2;
const VARINT = 0;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const DATA_LOCATION_EXTERNAL = 1;

/** Either marker counts: a tensor that names an external file is refused whether or not it sets data_location. */
function tensorIsExternal(r: protobuf.Reader, end: number): boolean {
  while (r.pos < end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === TENSOR_EXTERNAL_DATA && wire === LENGTH_DELIMITED) return true;
    if (field === TENSOR_DATA_LOCATION && wire === VARINT) {
      if (r.int32() === DATA_LOCATION_EXTERNAL) return true;
    } else r.skipType(wire);
  }
  return false;
}

function walk(r: protobuf.Reader, end: number, kind: Kind, depth: number): boolean {
  if (depth > MAX_DEPTH) throw new Error(`the model nests more than ${MAX_DEPTH} messages deep`);
  if (kind === 'tensor') return tensorIsExternal(r, end);
  const children = CHILDREN[kind];
  while (r.pos < end) {
    const tag = r.uint32();
    const child = children.get(tag >>> 3);
    if (child && (tag & 7) === LENGTH_DELIMITED) {
      const length = r.uint32();
      const childEnd = r.pos + length;
      if (childEnd > end) throw new Error('the file is not a valid ONNX model (a message runs past its end)');
      if (walk(r, childEnd, child, depth + 1)) return true;
      r.pos = childEnd;
    } else r.skipType(tag & 7);
  }
  return false;
}

/**
 * True when any tensor in the model (initializers, constants, subgraphs, functions, training
 * graphs) points at external data. Throws with a plain reason on bytes that are not a protobuf.
 */
export function usesExternalData(bytes: Uint8Array): boolean {
  const r = protobuf.Reader.create(bytes);
  try {
    return walk(r, bytes.byteLength, 'model', 0);
  } catch (err) {
    if (err instanceof RangeError || (err instanceof Error && /index out of range|invalid wire type/.test(err.message))) {
      throw new Error('the file is not a valid ONNX model (protobuf parsing failed)');
    }
    throw err;
  }
}
