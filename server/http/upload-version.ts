/**
 * The version upload: streams the request (raw or multipart) into `registry.registerVersion`.
 * Metadata comes from the query string, overridden by multipart fields sent before the file.
 */
import type { Services } from '../context';
import { AppError } from '../errors';
import { VersionUploadFields, type ModelVersion } from '../registry/schemas';
import { toIssues } from './issues';
import { withUpload } from './upload';

export function uploadVersion(
  services: Services,
  request: Request,
  model: string,
  query: VersionUploadFields,
  actor: string,
): Promise<ModelVersion> {
  return withUpload(request, services.config.maxUploadBytes, async ({ body, fields }) => {
    const parsed = VersionUploadFields.safeParse(fields);
    if (!parsed.success) throw new AppError('VALIDATION', 'Invalid upload fields', toIssues(parsed.error));
    const description = parsed.data.description ?? query.description;
    const tags = parsed.data.tags ?? query.tags;
    return services.versions.register(
      { model, body, ...(description !== undefined && { description }), ...(tags !== undefined && { tags }) },
      actor,
    );
  });
}
