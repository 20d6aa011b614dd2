/**
 * Where sign-in may send the browser afterwards (`/login?next=…`): only a path on this origin.
 * The value is parsed as a URL against an origin of our own, as the browser will, so tabs and
 * newlines (which URL parsing drops: `/\t/evil`), backslashes (read as `/`) and `//host` cannot
 * smuggle in another host; what is returned is the parsed path, never the raw text. Pure.
 */
const BASE = new URL('http://slipway.invalid');

function sameOriginPath(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE.origin ? `${url.pathname}${url.search}${url.hash}` : null;
}

export function safeNextPath(next: string | null | undefined): string {
  // A relative `next` (`models`) would resolve against /login; only absolute paths are meant.
  if (!next || !next.startsWith('/')) return '/';
  const path = sameOriginPath(next);
  // Re-parse the result: `/.//evil` normalises to `//evil`, which would leave the origin.
  if (path === null || sameOriginPath(path) !== path) return '/';
  if (path === '/login' || path.startsWith('/login/') || path.startsWith('/login?') || path.startsWith('/login#')) return '/';
  return path;
}
