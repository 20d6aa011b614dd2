import { eq } from 'drizzle-orm';
import { endpoints, modelVersions, models, rollouts } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { requireEndpointRow } from '../endpoints/internal';
import { AppError } from '../errors';
import { requireVersionRow } from '../registry/internal';
import { activeRolloutOf, toRollout } from './internal';
import { StartRolloutInput, type Rollout } from './schemas';
import type { RolloutProgress, RolloutSpec } from './spec';

/** Writes the intent (a `starting` rollout); the controller launches the candidate and drives it. */
export function startRollout(deps: ServiceDeps, endpointName: string, input: unknown, actor: string): Rollout {
  const p = parseInput(StartRolloutInput, input, 'rollout');
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const endpoint = requireEndpointRow(tx, endpointName);
    const model = tx.select().from(models).where(eq(models.id, endpoint.modelId)).get();
    if (!model) throw new AppError('INTERNAL', `Endpoint "${endpointName}" points at a missing model`);
    if (p.model !== undefined && p.model !== model.name) {
      throw new AppError('VALIDATION', `Endpoint "${endpointName}" serves model "${model.name}"; a version of "${p.model}" cannot roll out on it`, [{ path: 'model', message: `must be "${model.name}"` }]);
    }
    const candidate = requireVersionRow(tx, model, p.version);
    if (candidate.status !== 'ready') throw new AppError('CONFLICT', `Version ${p.version} of "${model.name}" is ${candidate.status}`);
    if (candidate.id === endpoint.versionId) throw new AppError('CONFLICT', `Version ${p.version} is already stable on "${endpointName}"`);
    const active = activeRolloutOf(tx, endpoint.id);
    if (active) throw new AppError('CONFLICT', `Endpoint "${endpointName}" already has rollout ${active.id} (${active.phase})`);

    const { version: _v, model: _m, ...spec } = p;
    const progress: RolloutProgress = { startedAtMs: now.getTime(), stepStartedAtMs: 0, lastCheckAtMs: now.getTime(), failedChecks: 0 };
    const row = tx
      .insert(rollouts)
      .values({
        endpointId: endpoint.id,
        candidateVersionId: candidate.id,
        stableVersionId: endpoint.versionId,
        strategy: p.strategy,
        spec: spec as RolloutSpec as unknown as Record<string, unknown>,
        phase: 'starting',
        reason: 'Started',
        message: `starting version ${p.version}`,
        progress: progress as unknown as Record<string, unknown>,
        checks: [],
        samples: [],
        startedBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    const stableVersion = tx.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, endpoint.versionId)).get()?.version;
    recordAudit(tx, {
      actor,
      action: 'rollout.start',
      target: auditTarget.rollout(endpointName, row.id),
      details: { strategy: p.strategy, candidateVersion: p.version, stableVersion, spec },
      at: now,
    });
    tx.update(endpoints).set({ updatedAt: now }).where(eq(endpoints.id, endpoint.id)).run();
    return toRollout(tx, row);
  });
}
