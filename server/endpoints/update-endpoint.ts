import { eq } from 'drizzle-orm';
import { endpoints, models } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { requireEndpointRow, resolveServableVersion, toEndpoint } from './internal';
import { RuntimeConfig, UpdateEndpointInput, type Endpoint, type RuntimeConfigPatch } from './schemas';

/** The patch goes over the stored config (cache field by field); the result is checked whole. */
export function mergeConfig(current: RuntimeConfig, patch: RuntimeConfigPatch | undefined): RuntimeConfig {
  if (!patch) return current;
  const { autoscaling, ...rest } = patch;
  const merged: Record<string, unknown> = { ...current, ...rest, cache: { ...current.cache, ...rest.cache } };
  if (autoscaling === null) delete merged.autoscaling;
  else if (autoscaling !== undefined) merged.autoscaling = autoscaling;
  return parseInput(RuntimeConfig, merged, 'endpoint config');
}

/** A version change stays within the endpoint's model; a rollout (later) is the careful way. */
export function updateEndpoint(deps: ServiceDeps, name: string, patch: UpdateEndpointInput, actor: string): Endpoint {
  const p = parseInput(UpdateEndpointInput, patch, 'endpoint update');
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = requireEndpointRow(tx, name);
    const current = toEndpoint(tx, row);
    const config = mergeConfig(current.config, p.config);
    let versionId = row.versionId;
    if (p.version !== undefined && p.version !== current.version) {
      const model = tx.select({ name: models.name }).from(models).where(eq(models.id, row.modelId)).get();
      if (!model) throw new AppError('INTERNAL', `Endpoint "${name}" points at a missing model`);
      versionId = resolveServableVersion(tx, model.name, p.version).versionId;
    }
    const updated = tx.update(endpoints).set({ versionId, config, updatedAt: now }).where(eq(endpoints.id, row.id)).returning().get();
    recordAudit(tx, {
      actor,
      action: 'endpoint.update',
      target: auditTarget.endpoint(name),
      details: { ...(p.version !== undefined && { fromVersion: current.version, version: p.version }), ...(p.config && { config: p.config }) },
      at: now,
    });
    return toEndpoint(tx, updated);
  });
}
