/**
 * Sends an upload whose body never ends, with node:http, to show the server answers 413 without
 * waiting for (or reading) the whole body. Writing stops when the response arrives, or at
 * `maxSendBytes`, whichever is first; the request is then torn down.
 */
import { request } from 'node:http';

export interface RawUploadResult {
  status: number;
  body: unknown;
  sentBytes: number;
}

export function rawUpload(
  url: string,
  headers: Record<string, string>,
  opts: { chunkBytes: number; maxSendBytes: number },
): Promise<RawUploadResult> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    req.on('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // Not JSON: keep the text for the assertion message.
        }
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
      });
    });
    const chunk = Buffer.alloc(opts.chunkBytes, 0x42);
    const pump = () => {
      while (!answered && sentBytes < opts.maxSendBytes) {
        sentBytes += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    req.flushHeaders();
    pump();
  });
}
