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
    ['unknown datatype', Buffer.from(JSON.stringify({ outputs: [{ name: 'a', datatype: 'BF16', shape: [1], data: [1] }] })), undefined],
    ['BYTES data that is not strings', Buffer.from(JSON.stringify({ outputs: [{ name: 'a', datatype: 'BYTES', shape: [1], data: [1] }] })), undefined],
    ['a BYTES element running past its data', Buffer.concat([Buffer.from(JSON.stringify({ outputs: [{ name: 'a', datatype: 'BYTES', shape: [1], parameters: { binary_data_size: 5 } }] })), Buffer.from([9, 0, 0, 0, 1])]), 'json'],
  ])('%s: undefined', (_name, body, mode) => {
    const json = mode === 'json' ? body.indexOf('}]}') + 3 : undefined;
    expect(decodeInferResponse(body, mode === 'header' ? body.length : json)).toBeUndefined();
  });

  it('reads BYTES as strings, from JSON data and from the length-prefixed binary form', () => {
    const json = Buffer.from(JSON.stringify({ outputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], data: [['é', '']] }] }));
    expect(decodeInferResponse(json)).toEqual([{ name: 's', datatype: 'BYTES', shape: [1, 2], values: new Float64Array(0), strings: ['é', ''] }]);
    const header = Buffer.from(JSON.stringify({ outputs: [{ name: 's', datatype: 'BYTES', shape: [2], parameters: { binary_data_size: 11 } }, { name: 'n', datatype: 'UINT8', shape: [1], parameters: { binary_data_size: 1 } }] }));
    const data = Buffer.from([2, 0, 0, 0, 104, 105, 1, 0, 0, 0, 33, 7]);
    const out = decodeInferResponse(Buffer.concat([header, data]), header.length)!;
    expect(out[0]!.strings).toEqual(['hi', '!']);
    expect([...out[1]!.values]).toEqual([7]);
  });
});
