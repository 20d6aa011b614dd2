import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../errors';
import type { ModelSig } from '../model/signature';
import { contiguous } from './body-chunks';
import { decodeRequest, type DecodeTarget } from './decode-request';
import { floatToHalf } from './fp16';

const sig: ModelSig = {
  inputs: [
    { name: 'a', datatype: 'FP32', shape: [-1, 2] },
    { name: 'ids', datatype: 'INT64', shape: [-1, 2] },
  ],
  outputs: [
    { name: 'sum', datatype: 'FP32', shape: [-1, 2] },
    { name: 'out2', datatype: 'INT64', shape: [-1, 2] },
  ],
};
const batched: DecodeTarget = { sig, maxBatchSize: 8 };

const json = (body: unknown) => Buffer.from(JSON.stringify(body));
const f32 = (...v: number[]) => new Uint8Array(new Float32Array(v).buffer);
const i64 = (...v: number[]) => new Uint8Array(new BigInt64Array(v.map(BigInt)).buffer);

/** A binary request: JSON header then raw bytes, and the header length to send. */
function binary(header: unknown, ...chunks: Uint8Array[]): [Buffer, string] {
  const head = json(header);
  return [Buffer.concat([head, ...chunks]), String(head.byteLength)];
}

const validInputs = [
  { name: 'a', datatype: 'FP32', shape: [1, 2], data: [1.5, 2] },
  { name: 'ids', datatype: 'INT64', shape: [1, 2], data: [7, -3] },
];

describe('decodeRequest: valid requests', () => {
  it('decodes nested JSON data and reorders inputs to the model order', () => {
    const req = decodeRequest(
      json({
        id: 'r1',
        inputs: [
          { name: 'ids', datatype: 'INT64', shape: [2, 2], data: [[1, 2], [3, 4]] },
          { name: 'a', datatype: 'FP32', shape: [2, 2], data: [[1, 2], [3, 4]] },
        ],
      }),
      undefined,
      batched,
    );
    expect(req.id).toBe('r1');
    expect(req.items).toBe(2);
    expect(req.inputs.map((t) => t.name)).toEqual(['a', 'ids']);
    expect(Array.from(new Float32Array(new Uint8Array(contiguous(req.inputs[0]!.bytes)).buffer))).toEqual([1, 2, 3, 4]);
    expect(Array.from(new BigInt64Array(new Uint8Array(contiguous(req.inputs[1]!.bytes)).buffer))).toEqual([1n, 2n, 3n, 4n]);
    expect(req.outputs).toEqual([
      { name: 'sum', binary: false },
      { name: 'out2', binary: false },
    ]);
    expect(req.priority).toBe(0);
    expect(req.timeoutUs).toBeUndefined();
  });

  it('keeps a binary tensor that spans the body\'s chunks as views of them, and reads a header split across chunks', () => {
    const [body, hl] = binary({ inputs: [{ name: 'a', datatype: 'FP32', shape: [2, 2], parameters: { binary_data_size: 16 } }, { name: 'ids', datatype: 'INT64', shape: [2, 2], data: [1, 2, 3, 4] }] }, f32(1, 2, 3, 4));
    const head = Number(hl);
    const chunks = [body.subarray(0, 5), body.subarray(5, head + 6), body.subarray(head + 6)];
    const req = decodeRequest(chunks, hl, batched);
    const bytes = req.inputs[0]!.bytes;
    expect(Array.isArray(bytes)).toBe(true);
    expect((bytes as Uint8Array[]).map((p) => p.buffer)).toEqual([chunks[1]!.buffer, chunks[2]!.buffer]);
    expect(Array.from(new Float32Array(new Uint8Array(contiguous(bytes)).buffer))).toEqual([1, 2, 3, 4]);
  });

  it('decodes flat JSON data', () => {
    const req = decodeRequest(json({ inputs: validInputs }), undefined, batched);
    expect(Array.from(new Float32Array(new Uint8Array(contiguous(req.inputs[0]!.bytes)).buffer))).toEqual([1.5, 2]);
  });

  it('decodes binary tensor data in input order, mixing with JSON inputs', () => {
    const [body, hl] = binary(
      {
        inputs: [
          { name: 'a', datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: 8 } },
          { name: 'ids', datatype: 'INT64', shape: [1, 2], data: [5, 6] },
        ],
        outputs: [{ name: 'out2', parameters: { binary_data: true } }, { name: 'sum' }],
      },
      f32(3, 4),
    );
    const req = decodeRequest(body, hl, batched);
    expect(Array.from(new Float32Array(new Uint8Array(contiguous(req.inputs[0]!.bytes)).buffer))).toEqual([3, 4]);
    expect(req.outputs).toEqual([
      { name: 'out2', binary: true },
      { name: 'sum', binary: false },
    ]);
  });

  it('applies binary_data_output to outputs that do not say otherwise', () => {
    const req = decodeRequest(
      json({ inputs: validInputs, parameters: { binary_data_output: true }, outputs: [{ name: 'sum' }] }),
      undefined,
      batched,
    );
    expect(req.outputs).toEqual([{ name: 'sum', binary: true }]);
  });

  it('reads priority and timeout parameters', () => {
    const req = decodeRequest(json({ inputs: validInputs, parameters: { priority: 1, timeout: 2500 } }), undefined, batched);
    expect(req.priority).toBe(1);
    expect(req.timeoutUs).toBe(2500);
  });

  it('converts FP16 JSON numbers to half floats', () => {
    const target: DecodeTarget = {
      sig: { inputs: [{ name: 'h', datatype: 'FP16', shape: [-1, 2] }], outputs: [{ name: 'y', datatype: 'FP16', shape: [-1, 2] }] },
      maxBatchSize: 4,
    };
    const req = decodeRequest(json({ inputs: [{ name: 'h', datatype: 'FP16', shape: [1, 2], data: [1, -2] }] }), undefined, target);
    expect(Array.from(new Uint16Array(new Uint8Array(contiguous(req.inputs[0]!.bytes)).buffer))).toEqual([floatToHalf(1), floatToHalf(-2)]);
  });

  it('takes full shapes as given when the model is unbatched', () => {
    const target: DecodeTarget = {
      sig: { inputs: [{ name: 'x', datatype: 'BOOL', shape: [2, 1] }], outputs: [{ name: 'y', datatype: 'BOOL', shape: [2, 1] }] },
      maxBatchSize: 0,
    };
    const req = decodeRequest(json({ inputs: [{ name: 'x', datatype: 'BOOL', shape: [2, 1], data: [true, false] }] }), undefined, target);
    expect(req.items).toBe(1);
    expect(Array.from(contiguous(req.inputs[0]!.bytes))).toEqual([1, 0]);
  });
});

describe('decodeRequest: bad input is a 400 naming the problem', () => {
  const cases: [string, Buffer, string | undefined, RegExp][] = [
    ['non-JSON body', Buffer.from('{"inputs": ['), undefined, /not valid JSON/],
    ['JSON that is not a request', json({ inputs: 'nope' }), undefined, /invalid inference request at 'inputs'/],
    ['header length beyond the body', json({ inputs: validInputs }), '100000', /exceeds the body/],
    ['header length that is not a number', json({ inputs: validInputs }), 'abc', /not a byte count/],
    ['unknown input', json({ inputs: [...validInputs, { name: 'zz', datatype: 'FP32', shape: [1], data: [1] }] }), undefined, /unknown input 'zz'/],
    ['missing input', json({ inputs: [validInputs[0]] }), undefined, /missing input\(s\): ids/],
    ['duplicated input', json({ inputs: [...validInputs, validInputs[0]] }), undefined, /more than once/],
    ['wrong datatype', json({ inputs: [{ ...validInputs[0], datatype: 'FP64' }, validInputs[1]] }), undefined, /expects FP32/],
    ['BYTES sent to an FP32 input', json({ inputs: [{ ...validInputs[0], datatype: 'BYTES', data: ['x', 'y'] }, validInputs[1]] }), undefined, /has datatype BYTES; the model expects FP32/],
    ['negative dim', json({ inputs: [{ ...validInputs[0], shape: [-1, 2] }, validInputs[1]] }), undefined, /negative dimension/],
    ['huge dims (allocation bomb)', json({ inputs: [{ ...validInputs[0], shape: [1, 2e12] }, validInputs[1]] }), undefined, /does not match|more than the body/],
    ['wrong rank', json({ inputs: [{ ...validInputs[0], shape: [2] }, validInputs[1]] }), undefined, /rank 1/],
    ['fixed dim mismatch', json({ inputs: [{ ...validInputs[0], shape: [1, 3], data: [1, 2, 3] }, validInputs[1]] }), undefined, /does not match the model/],
    ['data of the wrong length', json({ inputs: [{ ...validInputs[0], shape: [2, 2] }, { ...validInputs[1], shape: [2, 2], data: [1, 2, 3, 4] }] }), undefined, /2 elements but shape \[2,2\] needs 4/],
    ['a string where a number belongs', json({ inputs: [{ ...validInputs[0], data: ['1', 2] }, validInputs[1]] }), undefined, /element 0 \("1"\) is not a number/],
    ['a fraction in an integer tensor', json({ inputs: [validInputs[0], { ...validInputs[1], data: [1.5, 2] }] }), undefined, /not an integer/],
    ['inputs disagreeing on the batch dim', json({ inputs: [validInputs[0], { ...validInputs[1], shape: [2, 2], data: [1, 2, 3, 4] }] }), undefined, /disagree on the batch dimension/],
    ['batch of zero', json({ inputs: [{ ...validInputs[0], shape: [0, 2], data: [] }, { ...validInputs[1], shape: [0, 2], data: [] }] }), undefined, /at least 1/],
    ['batch over the maximum', json({ inputs: [{ ...validInputs[0], shape: [9, 2], data: Array(18).fill(0) }, { ...validInputs[1], shape: [9, 2], data: Array(18).fill(0) }] }), undefined, /exceeds the model's max batch size 8/],
    ['unknown requested output', json({ inputs: validInputs, outputs: [{ name: 'nope' }] }), undefined, /unknown output 'nope'/],
    ['duplicated requested output', json({ inputs: validInputs, outputs: [{ name: 'sum' }, { name: 'sum' }] }), undefined, /requested more than once/],
    ['neither data nor binary', json({ inputs: [{ name: 'a', datatype: 'FP32', shape: [1, 2] }, validInputs[1]] }), undefined, /neither 'data' nor binary_data_size/],
    ['bad priority', json({ inputs: validInputs, parameters: { priority: -1 } }), undefined, /priority/],
    ['bad timeout', json({ inputs: validInputs, parameters: { timeout: 'soon' } }), undefined, /timeout/],
    ['non-boolean binary_data', json({ inputs: validInputs, outputs: [{ name: 'sum', parameters: { binary_data: 1 } }] }), undefined, /binary_data/],
    ['deep nesting', Buffer.from(`{"inputs":[{"name":"a","datatype":"FP32","shape":[1,2],"data":${'['.repeat(200000)}${']'.repeat(200000)}}]}`), undefined, /./],
  ];

  it.each(cases)('%s', (_name, body, hl, message) => {
    let caught: unknown;
    try {
      decodeRequest(body, hl, batched);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RuntimeError);
    expect((caught as RuntimeError).status).toBe(400);
    expect((caught as RuntimeError).message).toMatch(message);
  });

  const binCases: [string, () => [Buffer, string], RegExp][] = [
    [
      'binary size that does not match shape × dtype',
      () => binary({ inputs: [{ ...validInputs[0], data: undefined, parameters: { binary_data_size: 4 } }, validInputs[1]] }, f32(1)),
      /binary_data_size 4 does not match shape \[1,2\] × FP32 \(8 bytes\)/,
    ],
    [
      'truncated binary data',
      () => binary({ inputs: [{ ...validInputs[0], data: undefined, parameters: { binary_data_size: 8 } }, validInputs[1]] }, f32(1)),
      /binary data ends after 4 of 8 bytes/,
    ],
    [
      'trailing bytes nobody claims',
      () => binary({ inputs: validInputs }, i64(1)),
      /8 bytes of binary data follow the inputs unclaimed/,
    ],
    [
      'data and binary_data_size together',
      () => binary({ inputs: [{ ...validInputs[0], parameters: { binary_data_size: 8 } }, validInputs[1]] }, f32(1, 2)),
      /both 'data' and binary_data_size/,
    ],
  ];

  it.each(binCases)('%s', (_name, make, message) => {
    const [body, hl] = make();
    expect(() => decodeRequest(body, hl, batched)).toThrow(message);
  });
});

describe('decodeRequest: BYTES', () => {
  const strings: DecodeTarget = {
    sig: { inputs: [{ name: 's', datatype: 'BYTES', shape: [-1, 2] }], outputs: [{ name: 'y', datatype: 'BYTES', shape: [-1, 2] }] },
    maxBatchSize: 4,
  };
  /** The binary form: each element a 4-byte little-endian length, then its bytes. */
  const prefixed = (...parts: (string | Buffer)[]) =>
    Buffer.concat(parts.flatMap((p) => {
      const b = Buffer.from(p);
      const n = Buffer.alloc(4);
      n.writeUInt32LE(b.length);
      return [n, b];
    }));

  it('JSON strings and binary elements decode to the same length-prefixed bytes', () => {
    const fromJson = decodeRequest(json({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], data: ['hé', ''] }] }), undefined, strings);
    const wire = prefixed('hé', '');
    const [body, hl] = binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }] }, wire);
    const fromBinary = decodeRequest(body, hl, strings);
    expect(Buffer.from(contiguous(fromJson.inputs[0]!.bytes))).toEqual(wire);
    expect(Buffer.from(contiguous(fromBinary.inputs[0]!.bytes))).toEqual(wire);
    expect(fromBinary.inputs[0]).toMatchObject({ datatype: 'BYTES', shape: [1, 2] });
  });

  const bad: [string, () => [Buffer, string | undefined], RegExp][] = [
    ['a number in JSON data', () => [json({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], data: ['a', 1] }] }), undefined], /element 1 \(1\) is not a string for BYTES/],
    ['FP32 sent to a BYTES input', () => [json({ inputs: [{ name: 's', datatype: 'FP32', shape: [1, 2], data: [1, 2] }] }), undefined], /has datatype FP32; the model expects BYTES/],
    ['an element length running past the buffer', () => {
      const wire = Buffer.concat([prefixed('ab'), Buffer.from([200, 0, 0, 0, 1])]);
      return binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }] }, wire);
    }, /BYTES element 1 claims 200 bytes but 1 remain/],
    ['a cut length prefix', () => {
      const wire = Buffer.concat([prefixed('ab'), Buffer.from([1, 0])]);
      return binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }] }, wire);
    }, /BYTES element 1 has a cut length prefix/],
    ['fewer elements than the shape', () => {
      const wire = prefixed('only');
      return binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }] }, wire);
    }, /holds 1 BYTES elements but the shape needs 2/],
    ['binary_data_size beyond the body', () => {
      const wire = prefixed('a', 'b');
      return binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length + 10 } }] }, wire);
    }, /binary data ends after 10 of 20 bytes/],
    ['an element that is not UTF-8', () => {
      const wire = prefixed('a', Buffer.from([0xff, 0xfe]));
      return binary({ inputs: [{ name: 's', datatype: 'BYTES', shape: [1, 2], parameters: { binary_data_size: wire.length } }] }, wire);
    }, /BYTES element 1 is not valid UTF-8/],
  ];

  it.each(bad)('%s is a 400', (_name, make, message) => {
    const [body, hl] = make();
    let caught: unknown;
    try {
      decodeRequest(body, hl, strings);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(RuntimeError);
    expect((caught as RuntimeError).status).toBe(400);
    expect((caught as RuntimeError).message).toMatch(message);
  });
});
