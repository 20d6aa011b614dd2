import { clearedSessionCookie, extractCredential, isSecureRequest, noContent, routes, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.logout, ({ services, request }) => {
  const credential = extractCredential(request.headers);
  if (credential.kind === 'cookie') services.auth.logout(credential.secret);
  return noContent({ 'set-cookie': clearedSessionCookie(isSecureRequest(request.headers, request.url)) });
});
