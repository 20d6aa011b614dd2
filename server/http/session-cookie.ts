/** The browser session cookie: httpOnly, SameSite=Strict, whole site; Secure when served over https. */
import { SESSION_COOKIE } from './credentials';

export function sessionCookie(secret: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${encodeURIComponent(secret)}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** Expires the cookie at once; the attributes must match the ones it was set with. */
export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
