/**
 * Request bodies compressed with gzip or deflate (tritonclient's `request_compression_algorithm`),
 * inflated with the same size limit as plain bodies so a small bomb cannot expand unbounded.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { RuntimeError, badRequest } from '../errors';

export function decompressBody(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Buffer {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  if (encoding !== 'gzip' && encoding !== 'deflate') throw badRequest(`unsupported Content-Encoding '${contentEncoding}'`);
  try {
    return encoding === 'gzip' ? gunzipSync(body, { maxOutputLength: maxBytes }) : inflateSync(body, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RuntimeError('too_large', `decompressed request body exceeds the ${maxBytes}-byte limit`);
    }
    throw badRequest(`request body is not valid ${encoding}: ${(err as Error).message}`);
  }
}
