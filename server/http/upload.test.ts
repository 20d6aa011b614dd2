import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkDeclaredLength, limitBytes, MULTIPART_OVERHEAD_BYTES, uploadKind, withUpload, type Upload } from './upload';

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
