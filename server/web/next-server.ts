/**
 * Serves the Next.js app (pages and /api route handlers) from the composition root's process
 * with a custom `node:http` server, so route handlers reach the registered Services. The one
 * server/ file allowed to import `next` (see eslint.config.mjs).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import next from 'next';
import { AppError, toEnvelope } from '../errors';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address';
import { DECLARED_LENGTH_HEADER } from '../http/declared-length';
import { apiMethodTable, checkMethod } from '../http/method-guard';
import { SECURITY_HEADERS } from '../http/security-headers';

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

/** Answers 405 with the error envelope when the method is one Next.js must not see; true if it did. */
function refusedMethod(req: IncomingMessage, res: ServerResponse, api: ReturnType<typeof apiMethodTable>): boolean {
  // The raw target, not `new URL(req.url, base)`: a `//host/...` target would parse as another host.
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  const verdict = checkMethod(req.method, pathname, api);
  if (verdict.pass) return false;
  const { status, body } = toEnvelope(new AppError('METHOD_NOT_ALLOWED', `Method ${req.method ?? ''} is not allowed on ${pathname}`.slice(0, 300)));
  res.statusCode = status;
  if (verdict.allow) res.setHeader('allow', verdict.allow.join(', '));
  res.setHeader('content-type', 'application/json');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
  return true;
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
  const api = apiMethodTable();
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (refusedMethod(req, res, api)) return;
    // Only the socket says who the client is; a header of the same name from outside is dropped.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    if (req.socket.remoteAddress) req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress;
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
