/**
 * Serves the Next.js app (pages and /api route handlers) from the composition root's process
 * with a custom `node:http` server, so route handlers reach the registered Services. The one
 * server/ file allowed to import `next` (see eslint.config.mjs).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { DECLARED_LENGTH_HEADER } from '../http/declared-length';

/** Restores a route's declared `Content-Length` just before the headers go out (see declared-length.ts). */
function restoreDeclaredLength(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const declared = res.getHeader(DECLARED_LENGTH_HEADER);
    if (declared !== undefined) {
      res.removeHeader(DECLARED_LENGTH_HEADER);
      res.setHeader('content-length', declared);
    }
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

export interface WebServerOptions {
  /** Project root: where `.next/` lives. */
  dir: string;
  host: string;
  port: number;
  /** A request the Next handler itself failed on (route errors are answered by the handlers). */
  onError?: (err: unknown) => void;
}

export async function startWebServer(opts: WebServerOptions): Promise<Server> {
  const app = next({ dev: false, dir: opts.dir, hostname: opts.host, port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    restoreDeclaredLength(res);
    handle(req, res).catch((err: unknown) => {
      opts.onError?.(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
