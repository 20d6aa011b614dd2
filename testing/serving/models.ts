/** Models for rollout tests: the same function as `scaleModel`, made deliberately slower. */
import { buildModel } from '../onnx';

/**
 * y = x·scale, like `scaleModel`, plus a chain of `layers` K×K matmuls whose result is multiplied
 * by zero and added: the output is the same, the compute per item is much larger.
 */
export function slowScaleModel(scale: number, k = 1024, layers = 96): Uint8Array {
  const nodes = [
    { op: 'MatMul', inputs: ['x', 'w_in'], outputs: ['h0'] },
    ...Array.from({ length: layers }, (_, i) => ({ op: 'MatMul', inputs: [`h${i}`, 'w'], outputs: [`h${i + 1}`] })),
    { op: 'ReduceSum', inputs: [`h${layers}`, 'axes'], outputs: ['s'], attributes: { keepdims: { int: 1 } } },
    { op: 'Mul', inputs: ['s', 'zero'], outputs: ['z'] },
    { op: 'Mul', inputs: ['x', 'scale'], outputs: ['scaled'] },
    { op: 'Add', inputs: ['scaled', 'z'], outputs: ['y'] },
  ];
  return buildModel({
    inputs: [{ name: 'x', datatype: 'FP32', shape: ['N', 4] }],
    outputs: [{ name: 'y', datatype: 'FP32', shape: ['N', 4] }],
    nodes,
    initializers: [
      { name: 'w_in', datatype: 'FP32', dims: [4, k], data: new Float32Array(4 * k).fill(1 / 4) },
      // 1/k keeps activations bounded (no inf, whose product with zero would be NaN).
      { name: 'w', datatype: 'FP32', dims: [k, k], data: new Float32Array(k * k).fill(1 / k) },
      { name: 'axes', datatype: 'INT64', dims: [1], data: BigInt64Array.of(1n) },
      { name: 'zero', datatype: 'FP32', dims: [], data: Float32Array.of(0) },
      { name: 'scale', datatype: 'FP32', dims: [], data: Float32Array.of(scale) },
    ],
  });
}
