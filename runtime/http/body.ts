/**
 * Reads a request body up to `maxBytes`. An oversize body is refused (413) from its
 * Content-Length before any byte is read, or as soon as the running count passes the limit,
 * so the runtime never buffers more than the limit. The chunks are not joined: the decoder keeps
 * binary tensors as views of them and the batcher copies them once (see codec/body-chunks.ts).
 */
import type { IncomingMessage } from 'node:http';
import { RuntimeError } from '../errors';

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer[]> {
  const tooLarge = () => new RuntimeError('too_large', `request body exceeds the ${maxBytes}-byte limit`);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > maxBytes) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (received <= maxBytes) resolve(chunks);
    });
    req.on('error', (err) => reject(new RuntimeError('bad_request', `could not read the request body: ${err.message}`)));
    req.on('aborted', () => reject(new RuntimeError('bad_request', 'the client aborted the request body')));
  });
}
