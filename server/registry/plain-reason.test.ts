import { describe, expect, it } from 'vitest';
import { EXTERNAL_DATA_REASON } from '../../protocol/inspect';
import { MAX_REASON_CHARS, plainReason } from './plain-reason';

/** Texts ONNX Runtime 1.30 printed through the inspector for generated models (one per line). */
const ORT = {
  irVersion:
    '/onnxruntime_src/onnxruntime/core/graph/model.cc:202 onnxruntime::Model::Model(onnx::ModelProto&&, const onnxruntime::PathString&, const onnxruntime::IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const onnxruntime::ModelOptions&) Unsupported model IR version: 99, max supported IR version: 13\n',
  protobuf: 'Failed to load model because protobuf parsing failed.\n',
  noOp: 'This is an invalid model. In Node, ("nosuchop_0", NoSuchOp, "", -1) : ("x": tensor(float),) -> ("y": tensor(float),) , Error No Op registered for NoSuchOp with domain_version of 17\n',
  typeError: 'Type Error: Type parameter (T) of Optype (Add) bound to different types (tensor(float) and tensor(int64) in node (add_0).\n',
  externalEscape:
    'External data path validation failed for initializer: scale. Error: External data path for model loaded from bytes escapes working directory. External data path: "../../etc/passwd" resolved path: "/etc/passwd" allowed directory: "."\n',
  externalMissing:
    'External data path validation failed for initializer: scale. Error: External data path for model loaded from bytes escapes working directory. tensorprotoutils.cc:461 ValidateExternalDataPathFromDir External data path does not exist: "/work/main/nope.bin"\n',
  logLine:
    '\u001b[1;31m2026-11-30 10:14:40.758788621 [E:onnxruntime:, inference_session.cc:3106 operator()] Exception during initialization: /onnxruntime_src/onnxruntime/core/optimizer/initializer.cc:79 onnxruntime::Initializer::Initializer(const onnxruntime::Graph&, const onnx::TensorProto&, const std::filesystem::__cxx11::path&, bool) [ONNXRuntimeError] : 1 : FAIL : tensorprotoutils.cc:594 GetExternalDataInfo TensorProto: scale size mismatch. Computed size: 4, file_length: 1234\n\u001b[m\n',
};

describe('plainReason', () => {
  it.each([
    ['an IR version too new', ORT.irVersion, 'its IR version 99 is newer than this ONNX Runtime supports (at most 13)'],
    ['bytes that are not a protobuf', ORT.protobuf, 'the file is not a valid ONNX model (protobuf parsing failed)'],
    ['an unknown operator', ORT.noOp, 'operator NoSuchOp is not available at opset 17'],
    ['external data that escapes the directory', ORT.externalEscape, EXTERNAL_DATA_REASON],
    ['external data that does not exist', ORT.externalMissing, EXTERNAL_DATA_REASON],
    ['the inspector refusing external data itself', `${EXTERNAL_DATA_REASON}\n`, EXTERNAL_DATA_REASON],
    ['a type error (kept: it names only the model)', ORT.typeError, ORT.typeError.trim()],
    ['nothing at all', '', undefined],
    ['only a stack trace', '    at main (file:///work/main/runtime/inspect-model.ts:80:9)\n', undefined],
  ])('%s', (_name, stderr, expected) => {
    expect(plainReason(stderr)).toBe(expected);
  });

  it.each([
    ['an ORT log line with a C++ frame and a file length', ORT.logLine, 'Exception during initialization: TensorProto: scale size mismatch. Computed size: N, file_length: N'],
    ['a quoted absolute path', 'could not open "/srv/slipway/data/tmp/upload-1a2b.part" for reading', 'could not open <path> for reading'],
    ['a bare absolute path', 'open failed at /srv/slipway/data/artifacts/ab12.onnx because of reasons', 'open failed at <path> because of reasons'],
    ['a Windows path', 'cannot read C:\\slipway\\data\\model.onnx now', 'cannot read <path> now'],
    ['a Node crash with its stack', 'TypeError: boom in /work/main/runtime/x.ts\n    at f (/work/main/runtime/x.ts:1:2)\n    at g (node:internal/x:3:4)\n', 'TypeError: boom in <path>'],
    ['a file size', 'the file is 123456 bytes, offset: 99 size to read 4096', 'the file is N bytes, offset: N size to read N'],
  ])('scrubs %s', (_name, stderr, expected) => {
    const reason = plainReason(stderr);
    expect(reason).toBe(expected);
    expect(reason).not.toMatch(/\/(srv|work|onnxruntime_src)\b|::|\.cc:\d|\u001b|\d{2,}/);
  });

  it(`keeps at most ${MAX_REASON_CHARS} characters`, () => {
    const reason = plainReason(`Type Error: ${'x'.repeat(1000)}`);
    expect(reason).toHaveLength(MAX_REASON_CHARS);
    expect(reason?.endsWith('…')).toBe(true);
  });
});
