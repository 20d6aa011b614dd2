import { describe, expect, it } from 'vitest';
import { addMulModel, classifierModel, mixedTypesModel, scaleModel } from '../testing/onnx';
import { deeplyNestedModel, EXTERNAL_DATA_PLACES, externalDataModel } from '../testing/onnx/hostile';
import { usesExternalData } from './external-data';

describe('usesExternalData', () => {
  it.each(EXTERNAL_DATA_PLACES.flatMap((place) => ['package.json', '../../etc/passwd', '/etc/shadow'].map((location) => [place, location] as const)))(
    'finds a tensor stored externally (%s, location %s)',
    (place, location) => {
      expect(usesExternalData(externalDataModel(location, place))).toBe(true);
    },
  );

  it.each([
    ['no initializers', addMulModel()],
    ['a scalar initializer', scaleModel(2)],
    ['INT64 and FP16 tensors', mixedTypesModel()],
    ['large initializers', classifierModel({ classes: 16, features: 256, seed: 1 })],
    ['graphs nested 30 deep (90 messages)', deeplyNestedModel(30)],
  ])('passes a model with embedded weights (%s)', (_name, bytes) => {
    expect(usesExternalData(bytes)).toBe(false);
  });

  it.each([
    ['text', new TextEncoder().encode('this is not a model, just text')],
    ['a truncated model', scaleModel(2).subarray(0, 40)],
    ['a length past the end', Uint8Array.of(0x3a, 0x7f, 0x0a)],
  ])('refuses bytes that are not a protobuf (%s) with a plain reason', (_name, bytes) => {
    expect(() => usesExternalData(bytes)).toThrow(/^the file is not a valid ONNX model/);
  });

  it('refuses nesting past its depth limit instead of overflowing the stack', () => {
    expect(() => usesExternalData(deeplyNestedModel(200))).toThrow(/nests more than 100 messages deep/);
  });
});
