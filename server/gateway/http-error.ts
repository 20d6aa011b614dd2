/**
 * The gateway's own refusals (`HttpError`: a status, a message, and whether it was answered
 * without a runtime) and the request body reader that raises them.
 */
import type http from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Answered by the gateway without a runtime: counted, but kept out of the latency histogram. */
    readonly rejected = false,
  ) {
    super(message);
  }
}

/** The body as it arrived, in chunks: forwarded as they are, so no 100 KB tensor is copied. */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer[]> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(new HttpError(413, `request body of ${declared} bytes exceeds the limit of ${maxBytes}`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        reject(new HttpError(413, `request body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks));
    req.on('error', (err) => reject(new HttpError(400, `could not read request: ${err.message}`)));
  });
}
