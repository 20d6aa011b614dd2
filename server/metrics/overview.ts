/**
 * `GET /overview`: one row per endpoint with its current figures (the last OVERVIEW_WINDOW_SECONDS
 * of client traffic, shadow copies excluded), a 5 min rps sparkline, readiness, the active
 * rollout and the GPUs. Windows end at the gateway's last flush, so a partial second never
 * drags the rate down.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { endpoints, modelVersions, rollouts, runtimeInstances } from '../../db/schema';
import { effectiveReplicas, scaledReplicasByEndpoint } from '../autoscaling/scaled-replicas';
import type { ServiceDeps } from '../deps';
import { listEndpoints } from '../endpoints/list-endpoints';
import { ACTIVE_PHASES } from '../rollout/phases';
import { addInto, cellsFromLive, emptyCell } from './cells';
import { endpointStatus } from './endpoint-status';
import type { LiveStore } from './live-store';
import { cellToPoint } from './points';
import { OVERVIEW_WINDOW_SECONDS, SPARKLINE_POINTS, SPARKLINE_STEP_SECONDS, type EndpointOverview, type GpuStats, type Overview, type OverviewRollout } from './schemas';

/** A flush older than this means the gateway is quiet or gone: windows end at `now` instead. */
const STALE_FLUSH_MS = 3_000;

function activeRollouts(deps: ServiceDeps): Map<number, OverviewRollout> {
  const rows = deps.db
    .select({ r: rollouts, candidateVersion: modelVersions.version })
    .from(rollouts)
    .innerJoin(modelVersions, eq(modelVersions.id, rollouts.candidateVersionId))
    .where(inArray(rollouts.phase, [...ACTIVE_PHASES]))
    .all();
  return new Map(
    rows.map(({ r, candidateVersion }) => [
      r.endpointId,
      { id: r.id, strategy: r.strategy, phase: r.phase, candidateVersion, weightPct: r.weightPct },
    ]),
  );
}

function readyReplicas(deps: ServiceDeps): Map<string, number> {
  const rows = deps.db
    .select({ endpointId: runtimeInstances.endpointId, versionId: runtimeInstances.versionId, ready: sql<number>`count(*)` })
    .from(runtimeInstances)
    .where(eq(runtimeInstances.state, 'ready'))
    .groupBy(runtimeInstances.endpointId, runtimeInstances.versionId)
    .all();
  return new Map(rows.map((r) => [`${r.endpointId}:${r.versionId}`, r.ready]));
}

function currentFigures(live: LiveStore, endpoint: string, toMs: number) {
  const fromMs = toMs - OVERVIEW_WINDOW_SECONDS * 1000;
  const traffic = live.traffic(endpoint, fromMs, toMs).filter((t) => t.route !== 'shadow');
  const total = emptyCell(0, fromMs);
  for (const c of cellsFromLive(traffic, live.runtime(endpoint, fromMs, toMs), OVERVIEW_WINDOW_SECONDS * 1000)) addInto(total, c);
  return cellToPoint(total, OVERVIEW_WINDOW_SECONDS);
}

function sparkline(live: LiveStore, endpoint: string, toMs: number): number[] {
  const stepMs = SPARKLINE_STEP_SECONDS * 1000;
  const fromMs = toMs - SPARKLINE_POINTS * stepMs;
  const counts = new Array<number>(SPARKLINE_POINTS).fill(0);
  for (const t of live.traffic(endpoint, fromMs, toMs)) {
    if (t.route === 'shadow') continue;
    const i = Math.min(SPARKLINE_POINTS - 1, Math.floor((t.atMs - 1 - fromMs) / stepMs));
    counts[i]! += t.requests;
  }
  return counts.map((n) => Math.round((n / SPARKLINE_STEP_SECONDS) * 100) / 100);
}

export function buildOverview(deps: ServiceDeps, live: LiveStore, gpus: GpuStats[]): Overview {
  const nowMs = deps.now().getTime();
  const lastFlush = live.lastGatewayAtMs;
  const toMs = lastFlush !== null && nowMs - lastFlush < STALE_FLUSH_MS ? lastFlush : nowMs;
  const active = activeRollouts(deps);
  const ready = readyReplicas(deps);
  const scaled = scaledReplicasByEndpoint(deps.db);
  const ids = new Map(deps.db.select({ id: endpoints.id, name: endpoints.name, versionId: endpoints.versionId }).from(endpoints).all().map((e) => [e.name, e]));
  const rows: EndpointOverview[] = listEndpoints(deps).items.map((e) => {
    const row = ids.get(e.name);
    const now = currentFigures(live, e.name, toMs);
    const rollout = (row && active.get(row.id)) ?? null;
    const readyCount = row ? (ready.get(`${row.id}:${row.versionId}`) ?? 0) : 0;
    const desired = effectiveReplicas(e.config, row && scaled.get(row.id));
    return {
      endpoint: e.name,
      model: e.model,
      stableVersion: e.version,
      ...endpointStatus({ errorRatePct: now.errorRatePct, readyReplicas: readyCount, rollingOut: rollout !== null, desiredReplicas: desired }),
      rps: now.rps,
      p99Ms: now.p99Ms,
      errorRatePct: now.errorRatePct,
      cacheHitRatio: now.cacheHitRatio,
      readyReplicas: readyCount,
      desiredReplicas: desired,
      sparkline: sparkline(live, e.name, toMs),
      rollout,
    };
  });
  return {
    generatedAt: new Date(nowMs).toISOString(),
    windowSeconds: OVERVIEW_WINDOW_SECONDS,
    sparklineStepSeconds: SPARKLINE_STEP_SECONDS,
    endpoints: rows,
    gpus,
  };
}
