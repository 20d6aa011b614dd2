/**
 * Streams a model upload into a consumer without buffering it whole: raw bytes
 * (`application/octet-stream`) or the part named `file` of `multipart/form-data` (busboy). The
 * declared `Content-Length` is checked before any byte is read, and the stream itself is capped for
 * chunked bodies; past the cap we stop reading and answer 413 at once. Only the part *named* `file`
 * is the model: busboy calls any part with a filename or a binary Content-Type a file, so other
 * such parts are read as (small) text fields instead.
 */
import busboy from 'busboy';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AppError } from '../errors';

/** Room for multipart boundaries and small fields around a file of at most the cap. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The multipart part that carries the model. */
export const FILE_FIELD = 'file';
/** Per text field, whatever Content-Type it came with. */
export const FIELD_MAX_BYTES = 64 * 1024;

export interface Upload {
  body: AsyncIterable<Uint8Array>;
  /** Multipart text fields that precede the file; empty for raw uploads. */
  fields: Record<string, string>;
}

export type UploadKind = 'raw' | 'multipart';

export function uploadKind(contentType: string | null): UploadKind {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'application/octet-stream') return 'raw';
  if (mediaType === 'multipart/form-data') return 'multipart';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the model as application/octet-stream or multipart/form-data');
}

const tooLarge = (maxBytes: number) => new AppError('PAYLOAD_TOO_LARGE', `Uploads are limited to ${maxBytes} bytes`);

/** Rejects a declared length over the cap; a missing or unparsable one is left to the stream cap. */
export function checkDeclaredLength(contentLength: string | null, maxBytes: number, kind: UploadKind): void {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return;
  const allowed = kind === 'multipart' ? maxBytes + MULTIPART_OVERHEAD_BYTES : maxBytes;
  if (Number(contentLength) > allowed) throw tooLarge(maxBytes);
}

/** Passes chunks through until more than `maxBytes` have gone by, then throws 413. */
export async function* limitBytes(source: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.byteLength;
    if (total > maxBytes) throw tooLarge(maxBytes);
    yield chunk;
  }
}

/** Reads a web stream; stopping early releases it without cancelling, so the response can still go out. */
async function* chunksOf(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A non-`file` part that busboy streamed as a file (a filename, or a binary type): its text, capped. */
async function textOfPart(name: string, part: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of part as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > FIELD_MAX_BYTES) {
      throw new AppError('VALIDATION', `The "${name}" part is over ${FIELD_MAX_BYTES} bytes; only the "${FILE_FIELD}" part may carry the model`, [
        { path: name, message: 'Too large for a field' },
      ]);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function withMultipartFile<T>(request: Request, maxBytes: number, consume: (upload: Upload) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (!request.body) return reject(new AppError('VALIDATION', 'The multipart body is empty', [{ path: FILE_FIELD, message: 'Required' }]));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        // No `files` limit: busboy counts binary-typed fields as files, and one sent before the
        // model would use up the model's slot. `parts` bounds them all.
        limits: { fields: 20, fieldSize: FIELD_MAX_BYTES, parts: 32 },
      });
    } catch {
      return reject(new AppError('VALIDATION', 'Malformed multipart Content-Type (boundary missing?)'));
    }
    const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    // Client-chosen names: a Map, never a plain object's keys.
    const fields = new Map<string, string>();
    /** Binary-typed fields still being read; the model waits for them, as they came before it. */
    const pendingFields: Promise<void>[] = [];
    let fileSeen = false;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      fn();
    };
    const fail = (err: unknown) => settle(() => reject(err));
    parser.on('field', (name, value) => {
      if (name === FILE_FIELD) {
        return fail(
          new AppError('VALIDATION', `The "${FILE_FIELD}" part must be sent as a file (with a filename, or Content-Type application/octet-stream)`, [
            { path: FILE_FIELD, message: 'Not a file' },
          ]),
        );
      }
      fields.set(name, value);
    });
    parser.on('file', (name, file) => {
      if (name !== FILE_FIELD) {
        if (fileSeen) return void file.resume();
        pendingFields.push(textOfPart(name, file).then((text) => void fields.set(name, text)));
        return;
      }
      if (fileSeen) return void file.resume();
      fileSeen = true;
      Promise.all(pendingFields)
        .then(() => consume({ body: limitBytes(file, maxBytes), fields: Object.fromEntries(fields) }))
        .then(
          (value) => settle(() => resolve(value)),
          (err: unknown) => fail(err),
        );
    });
    parser.on('error', () => fail(new AppError('VALIDATION', 'Malformed multipart body')));
    parser.on('close', () => {
      if (!fileSeen) fail(new AppError('VALIDATION', `The multipart body has no "${FILE_FIELD}" part`, [{ path: FILE_FIELD, message: 'Required' }]));
    });
    source.on('error', () => fail(new AppError('VALIDATION', 'The upload was interrupted')));
    source.pipe(parser);
  });
}

/** Runs `consume` on the uploaded file; rejects with 413/415/400 before or while reading. */
export async function withUpload<T>(request: Request, maxBytes: number, consume: (upload: Upload) => Promise<T>): Promise<T> {
  const kind = uploadKind(request.headers.get('content-type'));
  checkDeclaredLength(request.headers.get('content-length'), maxBytes, kind);
  if (kind === 'multipart') return withMultipartFile(request, maxBytes, consume);
  return consume({ body: limitBytes(chunksOf(request.body), maxBytes), fields: {} });
}
