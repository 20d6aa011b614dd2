/**
 * The rollout controller reconciles every active rollout from its persisted row (Argo's way):
 * observe the candidate, run an analysis check when one is due, plan the next state, and persist
 * it with its events. After each pass it refreshes `RolloutRoutes` (what serving reads) and emits
 * `changed` when that moved, so the composition root can reconcile runtimes and publish routes.
 */
import { EventEmitter } from 'node:events';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { modelVersions, rollouts } from '../../db/schema';
import type { ServiceDeps } from '../deps';
import type { ShadowSample } from '../gateway/shadow-mirror';
import type { RouteKind } from '../gateway/routing-table';
import type { LiveStore } from '../metrics/live-store';
import { analyseWindow, type AnalysisCheck, type WindowMeasurement } from './analysis';
import { commitPlan, MAX_SAMPLES, saveState, stateOf, type RolloutRow } from './internal';
import { nextCheckAtMs, planRollout, type CandidateObservation } from './plan-rollout';
import type { RolloutRoutes } from './rollout-routes';
import type { RolloutView } from './serving-view';
import type { RolloutSpec } from './spec';

export type VersionHealth = (endpoint: string, version: number) => CandidateObservation & { lastError?: string };

const CANDIDATE_ROUTE: Record<RolloutSpec['strategy'], RouteKind> = { canary: 'canary', 'blue-green': 'preview', shadow: 'shadow' };

export class RolloutController extends EventEmitter<{ changed: [] }> {
  private timer?: NodeJS.Timeout;
  private readonly pendingSamples = new Map<string, ShadowSample[]>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly live: LiveStore,
    private readonly routes: RolloutRoutes,
    private readonly health: VersionHealth,
    private readonly log: Logger,
  ) {
    super();
  }

  start(intervalMs = 1000): void {
    this.timer = setInterval(() => this.reconcile(), intervalMs);
    this.reconcile();
  }

  stop(): void {
    clearInterval(this.timer);
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
      for (const row of this.routes.rowsInPlay()) this.reconcileOne(row);
      const changed = this.routes.refresh();
      this.flushSamples();
      if (changed) this.emit('changed');
    } catch (err) {
      this.log.error({ err }, 'rollout reconcile failed');
    }
  }

  private reconcileOne(row: RolloutRow): void {
    if (row.phase === 'succeeded') return this.noteScaleDown(row);
    const view = this.routes.viewOf(row);
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
      const view = this.routes.views.find((v) => v.endpoint === endpoint && v.spec.strategy === 'shadow' && (v.phase === 'progressing' || v.phase === 'paused'));
      if (!view) continue;
      const row = this.deps.db.select({ samples: rollouts.samples }).from(rollouts).where(eq(rollouts.id, view.id)).get();
      if (!row) continue;
      const kept = [...(row.samples as unknown[]), ...samples.map(({ endpoint: _e, version: _v, agree: _a, ...s }) => ({ ...s, maxAbsDiff: Number.isFinite(s.maxAbsDiff) ? s.maxAbsDiff : null }))].slice(-MAX_SAMPLES);
      this.deps.db.update(rollouts).set({ samples: kept }).where(eq(rollouts.id, view.id)).run();
    }
    this.pendingSamples.clear();
  }
}
