import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildModel, scaleModel, writeModelFile } from './index';

describe('buildModel', () => {
  it('encodes unknown (-1) and fixed dimensions and node attributes', async () => {
    const bytes = buildModel({
      inputs: [{ name: 'x', datatype: 'FP32', shape: [-1, 2, 3] }],
      outputs: [{ name: 'y', datatype: 'FP32', shape: [-1, 3, 2] }],
      nodes: [{ op: 'Transpose', inputs: ['x'], outputs: ['y'], attributes: { perm: { ints: [0, 2, 1] } } }],
    });
    const session = await ort.InferenceSession.create(bytes);
    const input = session.inputMetadata[0];
    expect(input?.isTensor && input.shape[1]).toBe(2);
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [1, 2, 3]) });
    expect(out.y?.dims).toEqual([1, 3, 2]);
    expect(Array.from(out.y?.data as Float32Array)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('is deterministic: the same spec gives the same bytes', () => {
    expect(scaleModel(2)).toEqual(scaleModel(2));
    expect(scaleModel(2)).not.toEqual(scaleModel(3));
  });
});

describe('writeModelFile', () => {
  it('writes the bytes to a .onnx file that ONNX Runtime loads by path', async () => {
    const bytes = scaleModel(3);
    const file = await writeModelFile(bytes);
    try {
      expect(path.extname(file)).toBe('.onnx');
      expect(new Uint8Array(await readFile(file))).toEqual(bytes);
      const session = await ort.InferenceSession.create(file);
      const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4]), [1, 4]) });
      expect(Array.from(out.y?.data as Float32Array)).toEqual([3, 6, 9, 12]);
    } finally {
      await rm(path.dirname(file), { recursive: true, force: true });
    }
  });
});
