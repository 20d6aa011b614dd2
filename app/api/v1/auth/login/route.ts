import { clientAddress, isSecureRequest, json, routes, sessionCookie, withRoute } from '../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withRoute(routes.login, ({ services, body, request }) => {
  const { sessionSecret, principal, maxAgeSeconds } = services.auth.signIn(body.token, clientAddress(request));
  const cookie = sessionCookie(sessionSecret, maxAgeSeconds, isSecureRequest(request.headers, request.url));
  return json({ name: principal.name, role: principal.role }, 200, { 'set-cookie': cookie });
});
