import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkDeclaredLength, FIELD_MAX_BYTES, limitBytes, MULTIPART_OVERHEAD_BYTES, uploadKind, withUpload, type Upload } from './upload';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
};

async function collect(upload: Upload): Promise<{ text: string; fields: Record<string, string> }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of upload.body) chunks.push(chunk);
  return { text: Buffer.concat(chunks).toString('utf8'), fields: upload.fields };
}

async function* chunks(...sizes: number[]): AsyncGenerator<Uint8Array> {
  for (const size of sizes) yield new Uint8Array(size);
}

describe('uploadKind', () => {
  it.each([
    ['application/octet-stream', 'raw'],
    ['Application/Octet-Stream; charset=binary', 'raw'],
    ['multipart/form-data; boundary=x', 'multipart'],
  ])('%s → %s', (contentType, expected) => {
    expect(uploadKind(contentType)).toBe(expected);
  });

  it.each([['application/json'], ['text/plain'], [null]])('%s → 415', (contentType) => {
    expect(codeOf(() => uploadKind(contentType))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('checkDeclaredLength', () => {
  it.each([
    ['no header', null, 'raw', null],
    ['at the cap', '100', 'raw', null],
    ['one byte over', '101', 'raw', 'PAYLOAD_TOO_LARGE'],
    ['multipart gets room for boundaries', String(100 + MULTIPART_OVERHEAD_BYTES), 'multipart', null],
    ['multipart past the overhead', String(101 + MULTIPART_OVERHEAD_BYTES), 'multipart', 'PAYLOAD_TOO_LARGE'],
    ['unparsable header is left to the stream cap', 'lots', 'raw', null],
  ] as const)('%s', (_name, header, kind, expected) => {
    expect(codeOf(() => checkDeclaredLength(header, 100, kind))).toBe(expected);
  });
});

describe('limitBytes', () => {
  it('passes chunks through up to the cap', async () => {
    const sizes: number[] = [];
    for await (const chunk of limitBytes(chunks(40, 60), 100)) sizes.push(chunk.byteLength);
    expect(sizes).toEqual([40, 60]);
  });

  it('throws 413 at the first chunk past the cap, without reading further', async () => {
    let pulled = 0;
    async function* counted() {
      for (const size of [60, 60, 60]) {
        pulled++;
        yield new Uint8Array(size);
      }
    }
    await expect(collect({ body: limitBytes(counted(), 100), fields: {} })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(pulled).toBe(2);
  });
});

describe('withUpload', () => {
  const url = 'http://127.0.0.1/api/v1/models/m/versions';

  it('streams a raw body', async () => {
    const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'onnx bytes' });
    await expect(withUpload(request, 100, collect)).resolves.toEqual({ text: 'onnx bytes', fields: {} });
  });

  it('streams the file part of a multipart body with the fields before it', async () => {
    const form = new FormData();
    form.set('description', 'first');
    form.set('tags', 'a,b');
    form.set('file', new Blob(['model bytes']), 'm.onnx');
    const request = new Request(url, { method: 'POST', body: form });
    await expect(withUpload(request, 100, collect)).resolves.toEqual({ text: 'model bytes', fields: { description: 'first', tags: 'a,b' } });
  });

  it('rejects a multipart body without a file part', async () => {
    const form = new FormData();
    form.set('description', 'no file');
    const request = new Request(url, { method: 'POST', body: form });
    await expect(withUpload(request, 100, collect)).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('rejects a multipart file over the cap', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(101)]), 'm.onnx');
    const request = new Request(url, { method: 'POST', body: form });
    await expect(withUpload(request, 100, collect)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('rejects a declared length over the cap before calling the consumer', async () => {
    let called = false;
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': '101' },
      body: new Uint8Array(101),
    });
    await expect(
      withUpload(request, 100, async () => {
        called = true;
      }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(called).toBe(false);
  });

  it('rejects a raw body over the cap while streaming', async () => {
    const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(101) });
    await expect(withUpload(request, 100, collect)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

/** A multipart body written by hand, so each part's headers are exactly what a hostile client sends. */
function rawMultipart(parts: { headers: string[]; body: string | Uint8Array }[]): Request {
  const boundary = 'slipway-test-boundary';
  const pieces: Buffer[] = [];
  for (const part of parts) {
    pieces.push(Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return new Request('http://127.0.0.1/api/v1/models/m/versions', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(pieces),
  });
}

const filePart = (body: string) => ({ headers: ['Content-Disposition: form-data; name="file"; filename="m.onnx"', 'Content-Type: application/octet-stream'], body });

describe('withUpload: only the part named "file" is the model', () => {
  it.each([
    ['a binary-typed field before the file', ['Content-Disposition: form-data; name="description"', 'Content-Type: application/octet-stream']],
    ['a field with a filename before the file', ['Content-Disposition: form-data; name="description"; filename="d.txt"', 'Content-Type: text/plain']],
  ])('reads %s as a text field and the file part as the model', async (_name, headers) => {
    const request = rawMultipart([{ headers, body: 'from a binary part' }, filePart('model bytes')]);
    await expect(withUpload(request, 100, collect)).resolves.toEqual({ text: 'model bytes', fields: { description: 'from a binary part' } });
  });

  it('ignores binary parts after the file', async () => {
    const trailing = { headers: ['Content-Disposition: form-data; name="extra"', 'Content-Type: application/octet-stream'], body: 'late' };
    await expect(withUpload(rawMultipart([filePart('model bytes'), trailing]), 100, collect)).resolves.toEqual({ text: 'model bytes', fields: {} });
  });

  it('refuses a "file" part sent as a text field, naming what to do', async () => {
    const request = rawMultipart([{ headers: ['Content-Disposition: form-data; name="file"'], body: 'model bytes' }]);
    await expect(withUpload(request, 100, collect)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('must be sent as a file') });
  });

  it('refuses a binary-typed field over the field size', async () => {
    const big = { headers: ['Content-Disposition: form-data; name="description"', 'Content-Type: application/octet-stream'], body: new Uint8Array(FIELD_MAX_BYTES + 1) };
    await expect(withUpload(rawMultipart([big, filePart('x')]), 100, collect)).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'description' }] });
  });

  it('keeps a field named __proto__ as data, not as the fields object’s prototype', async () => {
    const request = rawMultipart([{ headers: ['Content-Disposition: form-data; name="__proto__"'], body: 'x' }, filePart('model bytes')]);
    const { fields } = await withUpload(request, 100, collect);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['__proto__']);
  });
});
