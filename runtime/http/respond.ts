import type { ServerResponse } from 'node:http';
import type { RuntimeError } from '../errors';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.byteLength });
  res.end(bytes);
}

export function sendError(res: ServerResponse, err: RuntimeError): void {
  // After an oversize body the rest of it is never read, so the connection cannot be reused.
  if (err.reason === 'too_large') res.setHeader('connection', 'close');
  sendJson(res, err.status, { error: err.message });
}

export function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
