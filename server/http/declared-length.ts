/**
 * Next.js drops `Content-Length` from every route handler response (send-response.js), so a
 * streamed download would arrive chunked. A route that knows its length declares it in this
 * header; the custom server (server/web/next-server.ts) turns it back into `Content-Length`.
 */
export const DECLARED_LENGTH_HEADER = 'x-slipway-content-length';
