import { describe, expect, it } from 'vitest';
import { decodeInferResponse } from './decode-response';

describe('decodeInferResponse', () => {
  it('reads JSON tensors, nested or flat', () => {
    const body = Buffer.from(JSON.stringify({ outputs: [{ name: 'y', datatype: 'FP32', shape: [2, 2], data: [[1, 2], [3, 4]] }] }));
    const [y] = decodeInferResponse(body)!;
    expect(y!.shape).toEqual([2, 2]);
    expect([...y!.values]).toEqual([1, 2, 3, 4]);
  });

  it('reads binary tensors after the JSON header, in order', () => {
    const header = Buffer.from(JSON.stringify({ outputs: [
      { name: 'a', datatype: 'FP32', shape: [2], parameters: { binary_data_size: 8 } },
      { name: 'b', datatype: 'INT64', shape: [1], parameters: { binary_data_size: 8 } },
    ] }));
    const a = Buffer.alloc(8);
    a.writeFloatLE(1.5, 0);
    a.writeFloatLE(-2, 4);
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(-7n, 0);
    const decoded = decodeInferResponse(Buffer.concat([header, a, b]), header.length)!;
    expect([...decoded[0]!.values]).toEqual([1.5, -2]);
    expect([...decoded[1]!.values]).toEqual([-7]);
  });

  it('reads FP16 binary data', () => {
    const header = Buffer.from(JSON.stringify({ outputs: [{ name: 'h', datatype: 'FP16', shape: [2], parameters: { binary_data_size: 4 } }] }));
    const data = Buffer.from([0x00, 0x3c, 0x00, 0xc0]); // 1.0, -2.0
    expect([...decodeInferResponse(Buffer.concat([header, data]), header.length)![0]!.values]).toEqual([1, -2]);
  });

  it.each([
    ['not JSON', Buffer.from('nope'), undefined],
    ['binary size beyond the body', Buffer.from(JSON.stringify({ outputs: [{ name: 'a', datatype: 'FP32', shape: [4], parameters: { binary_data_size: 16 } }] })), 'header'],
    ['unknown datatype', Buffer.from(JSON.stringify({ outputs: [{ name: 'a', datatype: 'BYTES', shape: [1], data: ['x'] }] })), undefined],
  ])('%s: undefined', (_name, body, mode) => {
    expect(decodeInferResponse(body, mode === 'header' ? body.length : undefined)).toBeUndefined();
  });
});
