/**
 * How the gateway writes an HTTP answer: a runtime's answer passed on with the version that
 * served it, compressed when the client's Accept-Encoding asks (as the runtime does), and the
 * JSON and error bodies the runtime uses too.
 */
import type http from 'node:http';
import { compressForAccept } from '../../protocol/compression';
import { VERSION_HEADER } from './routing-table';
import type { UpstreamResponse } from './upstream';

export function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: http.OutgoingHttpHeaders = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

export function sendError(res: http.ServerResponse, status: number, message: string, extra: http.OutgoingHttpHeaders = {}): void {
  sendJson(res, status, { error: message }, extra);
}

/** `compress`: inference answers only, as the runtime compresses them (metadata and config stay plain). */
export function replyCompressed(req: http.IncomingMessage, res: http.ServerResponse, upstream: UpstreamResponse, version: number, compress = true): void {
  const { body, encoding } = compress && upstream.status === 200 ? compressForAccept(upstream.body, req.headers['accept-encoding']) : { body: upstream.body, encoding: undefined };
  const headers: http.OutgoingHttpHeaders = { 'content-length': body.length, [VERSION_HEADER]: String(version) };
  for (const name of ['content-type', 'inference-header-content-length']) {
    if (upstream.headers[name] !== undefined) headers[name] = upstream.headers[name];
  }
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(upstream.status, headers);
  res.end(body);
}
