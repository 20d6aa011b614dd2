import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import {
  addMulModel,
  classifierModel,
  classifierWeights,
  fixedBatchModel,
  identityModel,
  mixedTypesModel,
  scaleModel,
  stringsModel,
} from './index';

type Meta = { name: string; type: string; shape: (number | string)[] };

function signature(session: ort.InferenceSession): { inputs: Meta[]; outputs: Meta[] } {
  const pick = (m: readonly ort.InferenceSession.ValueMetadata[]) =>
    m.map((v) => ({ name: v.name, type: v.isTensor ? v.type : 'non-tensor', shape: v.isTensor ? [...v.shape] : [] }));
  return { inputs: pick(session.inputMetadata), outputs: pick(session.outputMetadata) };
}

describe('generated model signatures as ONNX Runtime reads them', () => {
  const cases: { model: string; bytes: () => Uint8Array; inputs: Meta[]; outputs: Meta[] }[] = [
    {
      model: 'addMul',
      bytes: addMulModel,
      inputs: [
        { name: 'a', type: 'float32', shape: ['N', 4] },
        { name: 'b', type: 'float32', shape: ['N', 4] },
      ],
      outputs: [
        { name: 'sum', type: 'float32', shape: ['N', 4] },
        { name: 'product', type: 'float32', shape: ['N', 4] },
      ],
    },
    {
      model: 'mixedTypes',
      bytes: mixedTypesModel,
      inputs: [
        { name: 'ids', type: 'int64', shape: ['N', 3] },
        { name: 'h', type: 'float16', shape: ['N', 2] },
      ],
      outputs: [
        { name: 'ids_plus_one', type: 'int64', shape: ['N', 3] },
        { name: 'h_out', type: 'float16', shape: ['N', 2] },
      ],
    },
    {
      model: 'fixedBatch',
      bytes: fixedBatchModel,
      inputs: [{ name: 'x', type: 'float32', shape: [2, 3] }],
      outputs: [{ name: 'y', type: 'float32', shape: [2, 3] }],
    },
    {
      model: 'scale',
      bytes: () => scaleModel(1.001),
      inputs: [{ name: 'x', type: 'float32', shape: ['N', 4] }],
      outputs: [{ name: 'y', type: 'float32', shape: ['N', 4] }],
    },
    {
      model: 'identity UINT8 [2,2]',
      bytes: () => identityModel('UINT8', [2, 2]),
      inputs: [{ name: 'x', type: 'uint8', shape: ['N', 2, 2] }],
      outputs: [{ name: 'y', type: 'uint8', shape: ['N', 2, 2] }],
    },
    {
      model: 'identity BYTES [3]',
      bytes: () => identityModel('BYTES', [3]),
      inputs: [{ name: 'x', type: 'string', shape: ['N', 3] }],
      outputs: [{ name: 'y', type: 'string', shape: ['N', 3] }],
    },
    {
      model: 'classifier',
      bytes: () => classifierModel({ classes: 3, features: 5, seed: 7 }),
      inputs: [{ name: 'x', type: 'float32', shape: ['N', 5] }],
      outputs: [{ name: 'probs', type: 'float32', shape: ['N', 3] }],
    },
  ];

  it.each(cases)('$model has the declared inputs and outputs', async ({ bytes, inputs, outputs }) => {
    const session = await ort.InferenceSession.create(bytes());
    expect(signature(session)).toEqual({ inputs, outputs });
  });
});

describe('generated models compute what they promise', () => {
  it('addMul adds and multiplies elementwise', async () => {
    const session = await ort.InferenceSession.create(addMulModel());
    const a = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = Float32Array.from([0.5, -1, 2, 10, 1, 1, 0, -2]);
    const out = await session.run({
      a: new ort.Tensor('float32', a, [2, 4]),
      b: new ort.Tensor('float32', b, [2, 4]),
    });
    expect(out.sum?.dims).toEqual([2, 4]);
    expect(Array.from(out.sum?.data as Float32Array)).toEqual([1.5, 1, 5, 14, 6, 7, 7, 6]);
    expect(Array.from(out.product?.data as Float32Array)).toEqual([0.5, -2, 6, 40, 5, 6, 0, -16]);
  });

  it('mixedTypes adds one to int64 ids and passes fp16 bits through unchanged', async () => {
    const session = await ort.InferenceSession.create(mixedTypesModel());
    const ids = BigInt64Array.from([0n, -1n, 2n ** 40n]);
    const halfBits = Uint16Array.from([0x3c00, 0xc000]); // 1.0 and -2.0 as IEEE half
    const out = await session.run({
      ids: new ort.Tensor('int64', ids, [1, 3]),
      h: new ort.Tensor('float16', halfBits, [1, 2]),
    });
    expect(Array.from(out.ids_plus_one?.data as BigInt64Array)).toEqual([1n, 0n, 2n ** 40n + 1n]);
    const hOut = out.h_out?.data as ArrayBufferView;
    expect(Array.from(new Uint16Array(hOut.buffer, hOut.byteOffset, 2))).toEqual([0x3c00, 0xc000]);
  });

  it('fixedBatch doubles a [2,3] input and rejects another batch size', async () => {
    const session = await ort.InferenceSession.create(fixedBatchModel());
    const x = Float32Array.from([1, 2, 3, -4, 0.25, 0]);
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 3]) });
    expect(Array.from(out.y?.data as Float32Array)).toEqual([2, 4, 6, -8, 0.5, 0]);
    await expect(session.run({ x: new ort.Tensor('float32', new Float32Array(3), [1, 3]) })).rejects.toThrow();
  });

  it.each([1.0, 1.001])('scale %f multiplies every element by the scale', async (scale) => {
    const session = await ort.InferenceSession.create(scaleModel(scale));
    const x = Float32Array.from([1, -2, 3.5, 100]);
    const out = await session.run({ x: new ort.Tensor('float32', x, [1, 4]) });
    const expected = Array.from(x, (v) => Math.fround(v * Math.fround(scale)));
    expect(Array.from(out.y?.data as Float32Array)).toEqual(expected);
  });

  it('the two scale versions differ slightly', async () => {
    const x = new ort.Tensor('float32', Float32Array.from([10, 10, 10, 10]), [1, 4]);
    const [v1, v2] = await Promise.all([scaleModel(1.0), scaleModel(1.001)].map((m) => ort.InferenceSession.create(m)));
    const y1 = (await v1!.run({ x })).y?.data as Float32Array;
    const y2 = (await v2!.run({ x })).y?.data as Float32Array;
    expect(y2[0]! - y1[0]!).toBeCloseTo(0.01, 5);
  });

  it.each([
    { datatype: 'INT32' as const, type: 'int32' as const, data: Int32Array.from([7, -7]) },
    { datatype: 'FP64' as const, type: 'float64' as const, data: Float64Array.from([Math.PI, -0.5]) },
    { datatype: 'BOOL' as const, type: 'bool' as const, data: Uint8Array.from([1, 0]) },
  ])('identity $datatype returns its input', async ({ datatype, type, data }) => {
    const session = await ort.InferenceSession.create(identityModel(datatype, [1]));
    const out = await session.run({ x: new ort.Tensor(type, data, [2, 1]) });
    expect(out.y?.dims).toEqual([2, 1]);
    expect(Array.from(out.y?.data as ArrayLike<unknown>)).toEqual(Array.from(data as ArrayLike<unknown>));
  });

  it('identity BYTES returns its strings', async () => {
    const session = await ort.InferenceSession.create(identityModel('BYTES', [2]));
    const out = await session.run({ x: new ort.Tensor('string', ['héllo', ''], [1, 2]) });
    expect(out.y?.data).toEqual(['héllo', '']);
  });

  it('strings model echoes and doubles its strings beside a numeric output', async () => {
    const session = await ort.InferenceSession.create(stringsModel());
    const out = await session.run({ text: new ort.Tensor('string', ['a', 'é', '', 'd'], [2, 2]), x: new ort.Tensor('float32', Float32Array.of(1, 2, 3, 4), [2, 2]) });
    expect(out.echo?.data).toEqual(['a', 'é', '', 'd']);
    expect(out.doubled?.dims).toEqual([2, 4]);
    expect(out.doubled?.data).toEqual(['a', 'é', 'a', 'é', '', 'd', '', 'd']);
    expect(Array.from(out.y?.data as Float32Array)).toEqual([2, 4, 6, 8]);
  });

  it('classifier computes softmax(x·W + b) with the seeded weights', async () => {
    const options = { classes: 3, features: 4, seed: 42, bias: [0.5, 0, -0.5] };
    const session = await ort.InferenceSession.create(classifierModel(options));
    const x = Float32Array.from([1, 0, -1, 2, 0.3, 0.3, 0.3, 0.3]);
    const out = await session.run({ x: new ort.Tensor('float32', x, [2, 4]) });
    const { weights, bias } = classifierWeights(options);
    const probs = out.probs?.data as Float32Array;
    for (let row = 0; row < 2; row++) {
      const logits = [0, 1, 2].map((c) => {
        let sum = bias[c]!;
        for (let f = 0; f < 4; f++) sum += x[row * 4 + f]! * weights[f * 3 + c]!;
        return sum;
      });
      const exps = logits.map((l) => Math.exp(l - Math.max(...logits)));
      const total = exps.reduce((s, e) => s + e, 0);
      exps.forEach((e, c) => expect(probs[row * 3 + c]).toBeCloseTo(e / total, 5));
    }
  });

  it('classifier weights depend on the seed and only on the seed', () => {
    const a = classifierWeights({ classes: 2, features: 3, seed: 1 }).weights;
    expect(classifierWeights({ classes: 2, features: 3, seed: 1 }).weights).toEqual(a);
    expect(classifierWeights({ classes: 2, features: 3, seed: 2 }).weights).not.toEqual(a);
  });
});
