/**
 * The socket address of the client, for per-client limits. Route handlers see only a Web
 * `Request`, so the custom server (server/web/next-server.ts) writes the address into this header
 * after deleting whatever a client sent under the same name: it cannot be forged from outside.
 */
export const CLIENT_ADDRESS_HEADER = 'x-slipway-client-address';

/** Null when the request did not come through the custom server (unit tests). */
export function clientAddress(request: Request): string | null {
  return request.headers.get(CLIENT_ADDRESS_HEADER);
}
