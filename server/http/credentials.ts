/**
 * Where a request's credential comes from. Scripts send `Authorization: Bearer slw_…`; browsers
 * carry the `slipway_session` cookie. A bearer header wins so a script is never mistaken for a
 * browser, and a malformed header is an error rather than a silent fall-back to the cookie.
 */
export const SESSION_COOKIE = 'slipway_session';

export type Credential =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'bearer'; secret: string }
  | { kind: 'cookie'; secret: string };

/** Cookie header → name/value map; the first occurrence of a name wins, as browsers send it. */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (!name || cookies.has(name)) continue;
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // A value that is not valid percent-encoding is kept as sent.
    }
    cookies.set(name, value);
  }
  return cookies;
}

export function extractCredential(headers: Headers): Credential {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ? { kind: 'bearer', secret: match[1] } : { kind: 'malformed' };
  }
  const session = parseCookies(headers.get('cookie')).get(SESSION_COOKIE);
  return session ? { kind: 'cookie', secret: session } : { kind: 'none' };
}
