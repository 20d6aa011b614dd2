/**
 * The catalogue of small models that tests across the project generate: each returns ONNX bytes.
 * Dynamic batch dimensions are the symbolic "N".
 */
import type { Datatype } from '../../protocol/datatypes';
import { buildModel } from './build';

/** inputs a, b FP32 [N,4]; outputs sum = a+b, product = a·b. */
export function addMulModel(): Uint8Array {
  return buildModel({
    inputs: [
      { name: 'a', datatype: 'FP32', shape: ['N', 4] },
      { name: 'b', datatype: 'FP32', shape: ['N', 4] },
    ],
    outputs: [
      { name: 'sum', datatype: 'FP32', shape: ['N', 4] },
      { name: 'product', datatype: 'FP32', shape: ['N', 4] },
    ],
    nodes: [
      { op: 'Add', inputs: ['a', 'b'], outputs: ['sum'] },
      { op: 'Mul', inputs: ['a', 'b'], outputs: ['product'] },
    ],
  });
}

/** ids INT64 [N,3] → ids_plus_one = ids + 1; h FP16 [N,2] → h_out = Identity(h). */
export function mixedTypesModel(): Uint8Array {
  return buildModel({
    inputs: [
      { name: 'ids', datatype: 'INT64', shape: ['N', 3] },
      { name: 'h', datatype: 'FP16', shape: ['N', 2] },
    ],
    outputs: [
      { name: 'ids_plus_one', datatype: 'INT64', shape: ['N', 3] },
      { name: 'h_out', datatype: 'FP16', shape: ['N', 2] },
    ],
    nodes: [
      { op: 'Add', inputs: ['ids', 'one'], outputs: ['ids_plus_one'] },
      { op: 'Identity', inputs: ['h'], outputs: ['h_out'] },
    ],
    initializers: [{ name: 'one', datatype: 'INT64', dims: [], data: BigInt64Array.of(1n) }],
  });
}

/** x FP32 [2,3] (fixed first dimension, so a runtime must not batch it) → y = 2x. */
export function fixedBatchModel(): Uint8Array {
  return buildModel({
    inputs: [{ name: 'x', datatype: 'FP32', shape: [2, 3] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: [2, 3] }],
    nodes: [{ op: 'Mul', inputs: ['x', 'two'], outputs: ['y'] }],
    initializers: [{ name: 'two', datatype: 'FP32', dims: [], data: Float32Array.of(2) }],
  });
}

/** x FP32 [N,4] → y = x·scale; two scales make two slightly different "versions". */
export function scaleModel(scale: number): Uint8Array {
  return buildModel({
    inputs: [{ name: 'x', datatype: 'FP32', shape: ['N', 4] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: ['N', 4] }],
    nodes: [{ op: 'Mul', inputs: ['x', 'scale'], outputs: ['y'] }],
    initializers: [{ name: 'scale', datatype: 'FP32', dims: [], data: Float32Array.of(scale) }],
  });
}

/** x [N, ...itemShape] of any KServe datatype → y = Identity(x). */
export function identityModel(datatype: Datatype, itemShape: number[]): Uint8Array {
  const shape = ['N', ...itemShape];
  return buildModel({
    inputs: [{ name: 'x', datatype, shape }],
    outputs: [{ name: 'y', datatype, shape }],
    nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
  });
}

/**
 * text BYTES [N,2] → echo = Identity(text), doubled BYTES [N,4] = text beside itself (Concat on
 * axis 1); x FP32 [N,2] → y = x + x. Strings in and out, next to a numeric tensor. Another
 * `graphName` gives other bytes with the same answers (a second version that must agree).
 */
export function stringsModel(graphName?: string): Uint8Array {
  return buildModel({
    ...(graphName && { graphName }),
    inputs: [
      { name: 'text', datatype: 'BYTES', shape: ['N', 2] },
      { name: 'x', datatype: 'FP32', shape: ['N', 2] },
    ],
    outputs: [
      { name: 'echo', datatype: 'BYTES', shape: ['N', 2] },
      { name: 'doubled', datatype: 'BYTES', shape: ['N', 4] },
      { name: 'y', datatype: 'FP32', shape: ['N', 2] },
    ],
    nodes: [
      { op: 'Identity', inputs: ['text'], outputs: ['echo'] },
      { op: 'Concat', inputs: ['text', 'text'], outputs: ['doubled'], attributes: { axis: { int: 1 } } },
      { op: 'Add', inputs: ['x', 'x'], outputs: ['y'] },
    ],
  });
}

export interface ClassifierOptions {
  classes: number;
  features: number;
  seed: number;
  /** Per-class bias, length `classes`; zeros when absent. */
  bias?: number[];
}

/** Deterministic PRNG (mulberry32) in [0, 1): the same seed gives the same weights everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The classifier's parameters: W row-major [features, classes] in [-1, 1), b [classes]. */
export function classifierWeights(options: ClassifierOptions): { weights: Float32Array; bias: Float32Array } {
  const random = mulberry32(options.seed);
  const weights = Float32Array.from({ length: options.features * options.classes }, () => random() * 2 - 1);
  const bias = new Float32Array(options.classes);
  if (options.bias) {
    if (options.bias.length !== options.classes) throw new Error('bias length must equal classes');
    bias.set(options.bias);
  }
  return { weights, bias };
}

/** x FP32 [N,features] → probs FP32 [N,classes] = Softmax(x·W + b). */
export function classifierModel(options: ClassifierOptions): Uint8Array {
  const { classes, features } = options;
  const { weights, bias } = classifierWeights(options);
  return buildModel({
    inputs: [{ name: 'x', datatype: 'FP32', shape: ['N', features] }],
    outputs: [{ name: 'probs', datatype: 'FP32', shape: ['N', classes] }],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'W'], outputs: ['xw'] },
      { op: 'Add', inputs: ['xw', 'b'], outputs: ['logits'] },
      { op: 'Softmax', inputs: ['logits'], outputs: ['probs'], attributes: { axis: { int: -1 } } },
    ],
    initializers: [
      { name: 'W', datatype: 'FP32', dims: [features, classes], data: weights },
      { name: 'b', datatype: 'FP32', dims: [classes], data: bias },
    ],
  });
}
