import { eq } from 'drizzle-orm';
import { endpoints } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { isUniqueViolation, parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { resolveServableVersion, toEndpoint } from './internal';
import { CreateEndpointInput, RuntimeConfig, type Endpoint } from './schemas';

export function createEndpoint(deps: ServiceDeps, input: CreateEndpointInput, actor: string): Endpoint {
  const e = parseInput(CreateEndpointInput, input, 'endpoint');
  const config = RuntimeConfig.parse(e.config ?? {});
  const now = deps.now();
  try {
    return deps.db.transaction((tx) => {
      if (tx.select({ id: endpoints.id }).from(endpoints).where(eq(endpoints.name, e.name)).get()) {
        throw new AppError('CONFLICT', `Endpoint "${e.name}" already exists`);
      }
      const { modelId, versionId } = resolveServableVersion(tx, e.model, e.version);
      const row = tx
        .insert(endpoints)
        .values({ name: e.name, modelId, versionId, config, createdBy: actor, createdAt: now, updatedAt: now })
        .returning()
        .get();
      recordAudit(tx, {
        actor,
        action: 'endpoint.create',
        target: auditTarget.endpoint(e.name),
        details: { model: e.model, version: e.version, config },
        at: now,
      });
      return toEndpoint(tx, row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Endpoint "${e.name}" already exists`);
    throw err;
  }
}
