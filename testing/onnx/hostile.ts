/**
 * Hostile models for the upload checks. Each is `scaleModel`'s graph (x FP32 [N,4] → y = x·scale)
 * with a tensor whose bytes live in an "external file" at `location`, which ONNX Runtime would
 * resolve on the server (`package.json`, `../../etc/passwd`), placed where a scanner might miss it.
 */
import protobuf from 'protobufjs';
import { ModelProto } from './proto';
import { IR_VERSION, OPSET_VERSION } from './build';

export const EXTERNAL_DATA_PLACES = [
  'initializer',
  'data-location-only',
  'entries-only',
  'constant-node',
  'subgraph',
  'sparse-initializer',
  'function',
  'training-graph',
] as const;
export type ExternalDataPlace = (typeof EXTERNAL_DATA_PLACES)[number];

const FP32 = 1;
const INT64 = 7;
const TENSOR = 4;
const GRAPH = 5;

function externalScale(location: string, marks: { dataLocation: boolean; entries: boolean }): Record<string, unknown> {
  return {
    name: 'scale',
    data_type: FP32,
    dims: [],
    ...(marks.dataLocation && { data_location: 1 }),
    ...(marks.entries && {
      external_data: [
        { key: 'location', value: location },
        { key: 'offset', value: '0' },
        { key: 'length', value: '4' },
      ],
    }),
  };
}

const valueInfo = (name: string) => ({
  name,
  type: { tensor_type: { elem_type: FP32, shape: { dim: [{ dim_param: 'N' }, { dim_value: 4 }] } } },
});

const constant = (tensor: Record<string, unknown>) => ({
  op_type: 'Constant',
  output: ['scale'],
  attribute: [{ name: 'value', type: TENSOR, t: tensor }],
});

function graph(place: ExternalDataPlace, tensor: Record<string, unknown>): Record<string, unknown> {
  const g: Record<string, unknown> = {
    name: 'hostile',
    node: [{ op_type: 'Mul', input: ['x', 'scale'], output: ['y'] }],
    input: [valueInfo('x')],
    output: [valueInfo('y')],
  };
  const plain = { name: 'scale', data_type: FP32, dims: [], raw_data: new Uint8Array(Float32Array.of(2).buffer) };
  if (place === 'initializer' || place === 'data-location-only' || place === 'entries-only') g.initializer = [tensor];
  else if (place === 'constant-node') g.node = [constant(tensor), ...(g.node as unknown[])];
  else if (place === 'subgraph') {
    const branch = { name: 'branch', node: [constant(tensor)], output: [{ name: 'scale' }] };
    g.node = [{ op_type: 'If', input: ['cond'], output: ['scale'], attribute: [{ name: 'then_branch', type: GRAPH, g: branch }] }, ...(g.node as unknown[])];
  } else if (place === 'sparse-initializer') {
    g.initializer = [plain];
    g.sparse_initializer = [{ values: { ...tensor, name: 'sparse', dims: [1] }, indices: { name: 'sparse_idx', data_type: INT64, dims: [1], raw_data: new Uint8Array(8) }, dims: [4] }];
  } else g.initializer = [plain];
  return g;
}

/** A model with one externally stored tensor at `place`, pointing at `location`. */
export function externalDataModel(location: string, place: ExternalDataPlace = 'initializer'): Uint8Array {
  const tensor = externalScale(location, { dataLocation: place !== 'entries-only', entries: place !== 'data-location-only' });
  const model: Record<string, unknown> = {
    ir_version: IR_VERSION,
    opset_import: [{ domain: '', version: OPSET_VERSION }],
    producer_name: 'slipway-testing',
    graph: graph(place, tensor),
  };
  if (place === 'function') {
    model.functions = [{ name: 'f', domain: 'hostile', output: ['scale'], node: [constant(tensor)], opset_import: [{ domain: '', version: OPSET_VERSION }] }];
  }
  if (place === 'training-graph') model.training_info = [{ initialization: { name: 'init', initializer: [tensor] } }];
  return new Uint8Array(ModelProto.encode(ModelProto.fromObject(model)).finish());
}

/**
 * A model whose graphs nest `depth` levels deep through `If` branches (no tensors at all). Written
 * field by field: protobufjs's own encoder refuses objects this deep.
 */
export function deeplyNestedModel(depth: number): Uint8Array {
  let graph = protobuf.Writer.create().uint32((2 << 3) | 2).string('leaf').finish();
  for (let i = 0; i < depth; i++) {
    // AttributeProto { name = 1, type = 20, g = 6 } inside NodeProto { op_type = 4, attribute = 5 } inside GraphProto { node = 1 }
    const attribute = protobuf.Writer.create().uint32((1 << 3) | 2).string('then_branch').uint32((20 << 3) | 0).int32(GRAPH).uint32((6 << 3) | 2).bytes(graph).finish();
    const node = protobuf.Writer.create().uint32((4 << 3) | 2).string('If').uint32((5 << 3) | 2).bytes(attribute).finish();
    graph = protobuf.Writer.create().uint32((1 << 3) | 2).bytes(node).finish();
  }
  const header = ModelProto.encode(ModelProto.fromObject({ ir_version: IR_VERSION, opset_import: [{ domain: '', version: OPSET_VERSION }] })).finish();
  // Two encodings of one message concatenate into their merge: the header, then ModelProto.graph = 7.
  const body = protobuf.Writer.create().uint32((7 << 3) | 2).bytes(graph).finish();
  const out = new Uint8Array(header.byteLength + body.byteLength);
  out.set(header, 0);
  out.set(body, header.byteLength);
  return out;
}
