/**
 * The rollout controller reconciles every active rollout from its persisted row (Argo's way):
 * observe the candidate, run an analysis check when one is due, plan the next state, and persist
 * it with its events. It also tells serving what rollouts need (overlays, extra versions), from
 * rows it re-reads on every pass, so the phase survives a control plane restart.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { endpoints, modelVersions, rollouts } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import { RuntimeConfig } from '../endpoints/schemas';
import type { ShadowSample } from '../gateway/shadow-mirror';
import type { RouteKind } from '../gateway/routing-table';
import type { LiveStore } from '../metrics/live-store';
import type { RouteOverlay } from '../serving/build-routing-table';
import type { RolloutServing } from '../serving/serving';
import type { ExtraVersion } from '../supervisor/desired-state';
import { analyseWindow, type AnalysisCheck, type WindowMeasurement } from './analysis';
import { commitPlan, MAX_SAMPLES, saveState, specOf, stateOf, type RolloutRow } from './internal';
import { nextCheckAtMs, planRollout, type CandidateObservation } from './plan-rollout';
import { extraVersionsOf, overlayOf, type RolloutView } from './serving-view';
import type { RolloutSpec } from './spec';

export type VersionHealth = (endpoint: string, version: number) => CandidateObservation & { lastError?: string };

const CANDIDATE_ROUTE: Record<RolloutSpec['strategy'], RouteKind> = { canary: 'canary', 'blue-green': 'preview', shadow: 'shadow' };

export class RolloutController implements RolloutServing {
  private views: RolloutView[] = [];
  private timer?: NodeJS.Timeout;
  private readonly pendingSamples = new Map<string, ShadowSample[]>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly live: LiveStore,
    private readonly health: VersionHealth,
    private readonly log: Logger,
    /** Something serving depends on changed: reconcile runtimes and publish routes now. */
    private readonly onChange: () => void,
  ) {}

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => this.reconcile(), intervalMs);
    this.reconcile();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  overlays(): Map<string, RouteOverlay> {
    const out = new Map<string, RouteOverlay>();
    for (const v of this.views) {
      const overlay = overlayOf(v);
      if (overlay) out.set(v.endpoint, overlay);
    }
    return out;
  }

  extraVersions(): ExtraVersion[] {
    const now = this.deps.now().getTime();
    return this.views.flatMap((v) => extraVersionsOf(v, now));
  }

  /** Disagreeing shadow pairs, kept (the last few) on the endpoint's shadow rollout. */
  addShadowSample(sample: ShadowSample): void {
    const list = this.pendingSamples.get(sample.endpoint) ?? [];
    list.push(sample);
    this.pendingSamples.set(sample.endpoint, list.slice(-MAX_SAMPLES));
  }

  /** One pass over every rollout that still affects serving. Never throws. */
  reconcile(): void {
    try {
      const before = JSON.stringify(this.views.map((v) => [v.endpoint, v.phase, v.weightPct, v.candidateVersionId]));
      for (const row of this.rowsInPlay()) this.reconcileOne(row);
      this.views = this.rowsInPlay().map((row) => this.viewOf(row));
      this.flushSamples();
      const after = JSON.stringify(this.views.map((v) => [v.endpoint, v.phase, v.weightPct, v.candidateVersionId]));
      if (after !== before) this.onChange();
    } catch (err) {
      this.log.error({ err }, 'rollout reconcile failed');
    }
  }

  private rowsInPlay(): RolloutRow[] {
    return this.deps.db
      .select()
      .from(rollouts)
      .where(inArray(rollouts.phase, ['starting', 'progressing', 'paused', 'promoting', 'succeeded']))
      .all()
      .filter((r) => r.phase !== 'succeeded' || !stateOf(r).progress.scaledDown);
  }

  private viewOf(row: RolloutRow): RolloutView {
    const ep = this.deps.db.select({ name: endpoints.name, config: endpoints.config }).from(endpoints).where(eq(endpoints.id, row.endpointId)).get();
    const candidate = this.deps.db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, row.candidateVersionId)).get();
    const config = RuntimeConfig.safeParse(ep?.config);
    const state = stateOf(row);
    return {
      id: row.id,
      endpoint: ep?.name ?? '',
      replicas: config.success ? config.data.replicas : 1,
      phase: state.phase,
      weightPct: state.weightPct,
      spec: specOf(row),
      progress: state.progress,
      candidateVersion: candidate?.version ?? 0,
      candidateVersionId: row.candidateVersionId,
      stableVersionId: row.stableVersionId,
    };
  }

  private reconcileOne(row: RolloutRow): void {
    if (row.phase === 'succeeded') return this.noteScaleDown(row);
    const view = this.viewOf(row);
    const spec = view.spec;
    const state = stateOf(row);
    const nowMs = this.deps.now().getTime();
    const due = nextCheckAtMs(spec, state);
    const check = spec.analysis && due !== undefined && nowMs >= due ? this.check(view, row, state.progress.lastCheckAtMs, nowMs) : undefined;
    const result = planRollout(spec, state, this.health(view.endpoint, view.candidateVersion), check, nowMs);
    if (!check && result.events.length === 0 && JSON.stringify(result.state) === JSON.stringify(state)) return;
    const now = new Date(nowMs);
    this.deps.db.transaction((tx) => commitPlan(tx, row, result, 'system', now, check));
    for (const e of result.events) this.log.info({ endpoint: view.endpoint, rollout: row.id, action: e.action }, e.message);
  }

  /** Records, once, that a promoted rollout's previous version was let go. */
  private noteScaleDown(row: RolloutRow): void {
    const state = stateOf(row);
    const at = state.progress.scaleDownAtMs;
    if (at === undefined || at === 0 || at > this.deps.now().getTime() || state.progress.scaledDown) return;
    const next = { ...state, progress: { ...state.progress, scaledDown: true } };
    this.deps.db.transaction((tx) => saveState(tx, row, next, [{ action: 'rollout.scaled-down', message: 'the previous version was stopped' }], 'system', this.deps.now()));
  }

  private check(view: RolloutView, row: RolloutRow, fromMs: number, toMs: number): AnalysisCheck {
    const spec = view.spec;
    const stableVersion = this.deps.db.select({ version: modelVersions.version }).from(modelVersions).where(eq(modelVersions.id, row.stableVersionId)).get()?.version ?? 0;
    const cand = this.live.window(view.endpoint, view.candidateVersion, fromMs, toMs, [CANDIDATE_ROUTE[spec.strategy]]);
    const stable = this.live.window(view.endpoint, stableVersion, fromMs, toMs, ['stable']);
    const w: WindowMeasurement = {
      fromMs,
      toMs,
      candidate: { requests: cand.requests, errors: cand.errors, p99Ms: cand.latency?.p99Ms },
      stable: { requests: stable.requests, errors: stable.errors, p99Ms: stable.latency?.p99Ms },
    };
    if (spec.strategy === 'shadow') {
      const t = this.live.shadowTotals(view.endpoint, view.candidateVersion, fromMs, toMs);
      w.agreement = { compared: t.compared, agreed: t.agreed };
    }
    return analyseWindow(spec.analysis!, w, toMs);
  }

  private flushSamples(): void {
    if (this.pendingSamples.size === 0) return;
    for (const [endpoint, samples] of this.pendingSamples) {
      const view = this.views.find((v) => v.endpoint === endpoint && v.spec.strategy === 'shadow' && (v.phase === 'progressing' || v.phase === 'paused'));
      if (!view) continue;
      const row = this.deps.db.select({ samples: rollouts.samples }).from(rollouts).where(eq(rollouts.id, view.id)).get();
      if (!row) continue;
      const kept = [...(row.samples as unknown[]), ...samples.map(({ endpoint: _e, version: _v, agree: _a, ...s }) => ({ ...s, maxAbsDiff: Number.isFinite(s.maxAbsDiff) ? s.maxAbsDiff : null }))].slice(-MAX_SAMPLES);
      this.deps.db.update(rollouts).set({ samples: kept }).where(eq(rollouts.id, view.id)).run();
    }
    this.pendingSamples.clear();
  }
}
