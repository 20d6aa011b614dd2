/**
 * An optimistic sign-in check for dashboard pages: without a `slipway_session` cookie the user is
 * sent to /login and back afterwards. The cookie is only checked for presence; the API verifies it
 * on every request and the client redirects on any 401.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { safeNextPath } from './app/_lib/safe-next-path';

export const SESSION_COOKIE = 'slipway_session';

export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const login = new URL('/login', request.url);
  // The requested path comes from the client too (`//evil.example/` is a valid request target).
  const next = safeNextPath(pathname + search);
  if (next !== '/') login.searchParams.set('next', next);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but the API and Prometheus' /metrics (they answer 401 themselves), the sign-in page,
  // Next's assets and public files.
  matcher: ['/((?!api/|metrics|login|_next/|favicon.ico|favicon.svg|logo.svg|robots.txt).*)'],
};
