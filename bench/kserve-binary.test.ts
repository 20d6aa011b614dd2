import { describe, expect, it } from 'vitest';
import { binaryInferRequest, parseInferResponse } from './kserve-binary';

describe('binaryInferRequest', () => {
  it('puts the JSON header first, its length in the header field, and the tensor bytes after it', () => {
    const data = new Uint8Array(Float32Array.from([1, 2, 3]).buffer);
    const request = binaryInferRequest({ inputName: 'x', datatype: 'FP32', shape: [1, 3], data, outputName: 'y' });
    const headerLength = Number(request.headers['inference-header-content-length']);
    expect(request.dataOffset).toBe(headerLength);
    expect(request.headers['content-length']).toBe(String(request.body.byteLength));
    const header = JSON.parse(request.body.subarray(0, headerLength).toString());
    expect(header).toEqual({
      inputs: [{ name: 'x', shape: [1, 3], datatype: 'FP32', parameters: { binary_data_size: 12 } }],
      outputs: [{ name: 'y', parameters: { binary_data: true } }],
      parameters: { binary_data_output: true },
    });
    expect(request.body.readFloatLE(request.dataOffset + 8)).toBe(3);
  });
});

describe('parseInferResponse', () => {
  const header = (size: number) =>
    Buffer.from(
      JSON.stringify({ outputs: [{ name: 'y', datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: size } }] }),
    );

  it('reads binary outputs whose sizes add up to the body', () => {
    const h = header(8);
    const outputs = parseInferResponse(Buffer.concat([h, Buffer.alloc(8)]), h.byteLength);
    expect(outputs).toEqual([{ name: 'y', datatype: 'FP32', shape: [1, 2], byteLength: 8 }]);
  });

  it('reads a plain JSON response when there is no header length', () => {
    const body = Buffer.from(JSON.stringify({ outputs: [{ name: 'y', datatype: 'FP32', shape: [1], data: [1] }] }));
    expect(parseInferResponse(body, undefined)).toEqual([{ name: 'y', datatype: 'FP32', shape: [1], byteLength: 0 }]);
  });

  it.each([
    { case: 'truncated binary data', body: () => Buffer.concat([header(8), Buffer.alloc(4)]), length: header(8).byteLength },
    { case: 'header length past the end', body: () => header(0), length: 10_000 },
    { case: 'an error body', body: () => Buffer.from('{"error":"boom"}'), length: undefined },
  ])('rejects $case', ({ body, length }) => {
    expect(() => parseInferResponse(body(), length)).toThrow();
  });
});
