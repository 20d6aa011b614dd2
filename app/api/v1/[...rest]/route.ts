import { json } from '../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Unknown admin API paths answer the error envelope, not the dashboard's HTML 404 page. */
function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return json({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${pathname}` } }, 404);
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
