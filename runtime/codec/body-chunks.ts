/**
 * A request body as the socket delivered it, in chunks, read without joining them: a binary
 * tensor is kept as views of the chunks it spans (`TensorBytes`) and copied once, straight into
 * the batch's buffer. Only the small JSON header and BYTES tensors (checked element by element)
 * are made contiguous.
 */

/** A tensor's bytes: one view, or views of consecutive chunks when it spans them. */
export type TensorBytes = Uint8Array | readonly Uint8Array[];

export function tensorByteLength(bytes: TensorBytes): number {
  if (bytes instanceof Uint8Array) return bytes.byteLength;
  let n = 0;
  for (const part of bytes) n += part.byteLength;
  return n;
}

/** Copies `bytes` into `out` at `at`; returns the offset after them. */
export function copyTensorBytes(bytes: TensorBytes, out: Uint8Array, at: number): number {
  if (bytes instanceof Uint8Array) {
    out.set(bytes, at);
    return at + bytes.byteLength;
  }
  for (const part of bytes) {
    out.set(part, at);
    at += part.byteLength;
  }
  return at;
}

export function contiguous(bytes: TensorBytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : Buffer.concat(bytes);
}

export class BodyChunks {
  readonly byteLength: number;
  private readonly chunks: readonly Uint8Array[];

  constructor(body: Uint8Array | readonly Uint8Array[]) {
    this.chunks = body instanceof Uint8Array ? [body] : body;
    this.byteLength = tensorByteLength(this.chunks);
  }

  /** Bytes [start, end) as views: one when they lie in one chunk. */
  range(start: number, end: number): TensorBytes {
    const parts: Uint8Array[] = [];
    let chunkStart = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = chunkStart + chunk.byteLength;
      if (chunkEnd > start && chunkStart < end) parts.push(chunk.subarray(Math.max(start - chunkStart, 0), Math.min(end, chunkEnd) - chunkStart));
      if (chunkEnd >= end) break;
      chunkStart = chunkEnd;
    }
    return parts.length === 1 ? parts[0]! : parts.length === 0 ? new Uint8Array(0) : parts;
  }
}
