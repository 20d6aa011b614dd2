import { routes, withRoute } from '../../../../server/http';
import { APP_VERSION } from '../../../../server/http/app-version';
import { buildOpenApiDocument } from '../../../../server/openapi/document';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

export const GET = withRoute(routes.openapi, () => (document ??= buildOpenApiDocument(APP_VERSION)));
