/**
 * What active rollouts ask of serving (routing overlays, versions that must run besides stable),
 * read from the rollout rows. The rollout controller refreshes it after each pass; the supervisor
 * and the routing publisher only read it, so nothing in serving calls back into the controller.
 */
import { eq, inArray } from 'drizzle-orm';
import { endpoints, modelVersions, rollouts } from '../../db/schema';
import { ACTIVE_PHASES } from '../../protocol/rollout-vocabulary';
import type { ServiceDeps } from '../deps';
import { effectiveReplicas, scaledReplicasByEndpoint } from '../autoscaling/scaled-replicas';
import { RuntimeConfig } from '../endpoints/schemas';
import type { RouteOverlay } from '../serving/build-routing-table';
import type { ExtraVersion } from '../supervisor/desired-state';
import { specOf, stateOf, type RolloutRow } from './internal';
import { extraVersionsOf, overlayOf, type RolloutView } from './serving-view';

export interface RolloutServing {
  /** Routing changes of active rollouts, per endpoint. */
  overlays(): Map<string, RouteOverlay>;
  /** Versions rollouts keep running (candidates, warm standby). */
  extraVersions(): ExtraVersion[];
}

export class RolloutRoutes implements RolloutServing {
  private current: RolloutView[] = [];

  constructor(private readonly deps: ServiceDeps) {
    this.refresh();
  }

  get views(): readonly RolloutView[] {
    return this.current;
  }

  /** Re-reads the rows; true when what serving sees of them changed. */
  refresh(): boolean {
    const before = signature(this.current);
    this.current = this.rowsInPlay().map((row) => this.viewOf(row));
    return signature(this.current) !== before;
  }

  overlays(): Map<string, RouteOverlay> {
    const out = new Map<string, RouteOverlay>();
    for (const v of this.current) {
      const overlay = overlayOf(v);
      if (overlay) out.set(v.endpoint, overlay);
    }
    return out;
  }

  extraVersions(): ExtraVersion[] {
    const now = this.deps.now().getTime();
    return this.current.flatMap((v) => extraVersionsOf(v, now));
  }

  rowsInPlay(): RolloutRow[] {
    return this.deps.db
      .select()
      .from(rollouts)
      .where(inArray(rollouts.phase, [...ACTIVE_PHASES, 'succeeded']))
      .all()
      .filter((r) => r.phase !== 'succeeded' || !stateOf(r).progress.scaledDown);
  }

  viewOf(row: RolloutRow): RolloutView {
    const ep = this.deps.db.select({ name: endpoints.name, config: endpoints.config }).from(endpoints).where(eq(endpoints.id, row.endpointId)).get();
    const candidate = this.deps.db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, row.candidateVersionId)).get();
    const config = RuntimeConfig.safeParse(ep?.config);
    const state = stateOf(row);
    return {
      id: row.id,
      endpoint: ep?.name ?? '',
      replicas: config.success ? effectiveReplicas(config.data, scaledReplicasByEndpoint(this.deps.db).get(row.endpointId)) : 1,
      autoscaled: config.success && config.data.autoscaling !== undefined,
      phase: state.phase,
      weightPct: state.weightPct,
      spec: specOf(row),
      progress: state.progress,
      candidateVersion: candidate?.version ?? 0,
      candidateVersionId: row.candidateVersionId,
      stableVersionId: row.stableVersionId,
    };
  }
}

function signature(views: readonly RolloutView[]): string {
  return JSON.stringify(views.map((v) => [v.endpoint, v.phase, v.weightPct, v.candidateVersionId, v.progress.scaleDownAtMs ?? null, v.replicas]));
}
