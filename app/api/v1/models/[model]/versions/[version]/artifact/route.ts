import { artifactFilename, artifactResponse, routes, withRoute } from '../../../../../../../../server/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withRoute(routes.downloadArtifact, ({ services, params }) =>
  artifactResponse(services.versions.artifact(params.model, params.version), artifactFilename(params.model, params.version)),
);
