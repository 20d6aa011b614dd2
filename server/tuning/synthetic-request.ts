/**
 * Synthetic KServe v2 binary requests built from a model's signature, for the tuner's scratch
 * runtimes: one item per request (the batcher's job is to combine them), random values, every
 * input. Pure; the bytes are made once and reused for every request of a run.
 */
import { randomFillSync } from 'node:crypto';
import { BYTES_PER_ELEMENT, isFixedDim } from '../../protocol/datatypes';

export interface SignatureTensor {
  name: string;
  datatype: string;
  /** As registered: a size, -1, or a dynamic dimension's symbolic name (`batch`, `p2o.DynamicDimension.0`). */
  shape: (number | string)[];
}


/** The datatypes the tuner can make values of (every fixed-width one), and their width; a Map: the name comes from a stored signature. */
export const SYNTHETIC_BYTES_PER_ELEMENT: ReadonlyMap<string, number> = new Map(Object.entries(BYTES_PER_ELEMENT));

/** Dynamic dims (-1 or named): the batch → 1; an image's H×W → 48×192 (the demo's text lines); others → 8. A guess: runs can give their shapes (input-shapes.ts). */
export function concreteShape(shape: readonly (number | string)[]): number[] {
  const image = shape.length === 4;
  return shape.map((d, i) => (isFixedDim(d) ? d : i === 0 ? 1 : image && i === 2 ? 48 : image && i === 3 ? 192 : 8));
}

export interface SyntheticRequest {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Floats get bytes that decode to small values; integers stay small and non-negative (safe indices).
 * `shapes`: the run's resolved shapes (input-shapes.ts); an input not among them gets `concreteShape`.
 */
export function syntheticRequest(inputs: readonly SignatureTensor[], shapes: readonly { name: string; shape: number[] }[] = [], random: (bytes: Buffer) => void = (b) => randomFillSync(b)): SyntheticRequest {
  const given = new Map(shapes.map((s) => [s.name, s.shape]));
  const parts: Buffer[] = [];
  const headerInputs = inputs.map((t) => {
    const per = SYNTHETIC_BYTES_PER_ELEMENT.get(t.datatype);
    if (per === undefined) throw new Error(`cannot make synthetic ${t.datatype} input '${t.name}'`);
    const shape = given.get(t.name) ?? concreteShape(t.shape);
    const bytes = Buffer.alloc(shape.reduce((a, b) => a * b, 1) * per);
    if (t.datatype.startsWith('FP')) {
      random(bytes);
      if (t.datatype === 'FP32') for (let i = 3; i < bytes.length; i += 4) bytes[i] = 0x3e; // exponent of ~0.1–0.5
      else if (t.datatype === 'FP64') for (let i = 7; i < bytes.length; i += 8) bytes[i] = 0x3f;
      else for (let i = 1; i < bytes.length; i += 2) bytes[i] = 0x34;
    }
    parts.push(bytes);
    return { name: t.name, datatype: t.datatype, shape, parameters: { binary_data_size: bytes.length } };
  });
  const header = Buffer.from(JSON.stringify({ inputs: headerInputs, parameters: { binary_data_output: true } }));
  return {
    body: Buffer.concat([header, ...parts]),
    headers: { 'content-type': 'application/octet-stream', 'inference-header-content-length': String(header.length) },
  };
}
