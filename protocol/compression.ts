/**
 * Response compression on `Accept-Encoding` (tritonclient's `response_compression_algorithm`):
 * gzip or deflate, whichever the client prefers by q-value, identity otherwise. Shared so the
 * gateway and the runtime answer the same way. The inference header length stays that of the
 * uncompressed body: a client inflates first, then splits JSON from binary data.
 */
import { deflateSync, gzipSync } from 'node:zlib';

export type ResponseEncoding = 'gzip' | 'deflate';

/** Pure: the encoding to answer with, or undefined for identity. */
export function negotiateEncoding(accept: string | string[] | undefined): ResponseEncoding | undefined {
  const header = Array.isArray(accept) ? accept.join(',') : accept;
  if (!header) return undefined;
  let best: { enc: ResponseEncoding; q: number } | undefined;
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (token !== 'gzip' && token !== 'deflate') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { enc: token, q };
  }
  return best?.enc;
}

export function compressForAccept(body: Buffer, accept: string | string[] | undefined): { body: Buffer; encoding?: ResponseEncoding } {
  const encoding = negotiateEncoding(accept);
  if (!encoding || body.length === 0) return { body };
  return { body: encoding === 'gzip' ? gzipSync(body) : deflateSync(body), encoding };
}
