/**
 * CSRF protection for browser sessions. SameSite=Strict already keeps the cookie off cross-site
 * requests; this second check refuses a state-changing request whose `Origin` is not our own, and
 * a cookie-authenticated one that carries no `Origin` at all. Scripts (bearer, no Origin) pass.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the client addressed: the Host header with the protocol the request arrived on. */
export function requestOrigin(headers: Headers, url: string): string | null {
  const host = headers.get('host');
  if (!host) return null;
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const protocol = forwarded || new URL(url).protocol.replace(/:$/, '');
  return `${protocol}://${host}`.toLowerCase();
}

export interface OriginCheck {
  method: string;
  cookieAuthenticated: boolean;
  origin: string | null;
  expectedOrigin: string | null;
}

export function originAllowed({ method, cookieAuthenticated, origin, expectedOrigin }: OriginCheck): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (origin === null || origin === '') return !cookieAuthenticated;
  return expectedOrigin !== null && origin.toLowerCase() === expectedOrigin;
}

export function isSecureRequest(headers: Headers, url: string): boolean {
  return requestOrigin(headers, url)?.startsWith('https://') ?? url.startsWith('https:');
}
