/**
 * The autoscaling loop: once a tick (and at once when the gateway holds a request for an endpoint
 * with no replica), for every endpoint with a policy it reads the live figures, asks the pure
 * `decideScale`, and writes the result (`endpoint_scales` + an audit event for a change). It then
 * emits `changed`; the composition root has the supervisor reconcile toward the new count. The
 * supervisor's rules keep scaling safe: a replica leaves routing before it drains, a new one is
 * routed only once ready, and a failed start backs off on its own slot.
 */
import { EventEmitter } from 'node:events';
import { asc } from 'drizzle-orm';
import type { Logger } from 'pino';
import { COLD_START_DEFAULTS } from '../../protocol/dataplane';
import type { Db } from '../../db/client';
import { endpoints, endpointScales } from '../../db/schema';
import { RuntimeConfig } from '../endpoints/schemas';
import type { LiveStore } from '../metrics/live-store';
import type { DesiredVersion } from '../supervisor/desired-state';
import { decideScale, type Recommendation } from './decide-scale';
import { allowedReplicas, replicaCost, usedBy, type HostBudget } from './host-budget';
import { loadFigures } from './scale-figures';
import { effectiveReplicas } from './scaled-replicas';
import { saveScale } from './scale-store';
import type { HeldBack } from './schemas';

/** What the autoscaler reads of the supervisor (the real one, or a test's). */
export interface ServingState {
  desiredVersions(): readonly DesiredVersion[];
  versionHealth(endpoint: string, version: number): { readyReplicas: number };
  readyReplicas(): Map<string, Map<number, unknown[]>>;
}

export interface AutoscalerOptions {
  db: Db;
  live: LiveStore;
  serving: ServingState;
  budget: HostBudget;
  log: Logger;
  tickMs?: number;
  now?: () => number;
}

export interface ReplicaSample {
  t: number;
  desiredReplicas: number;
  ready: Record<string, number>;
}

interface Watch {
  policyKey: string;
  sinceMs: number;
  history: Recommendation[];
  lastRequestAtMs: number;
  coldStartFromMs: number | null;
}

const SAMPLE_RETENTION_MS = 3_600_000;

export class Autoscaler extends EventEmitter<{ changed: [] }> {
  /** Held requests per endpoint as the gateway last reported them, and when. */
  private readonly held = new Map<string, { held: number; atMs: number }>();
  private readonly watches = new Map<string, Watch>();
  private readonly samples = new Map<string, ReplicaSample[]>();
  private timer?: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly o: AutoscalerOptions) {
    super();
    this.now = o.now ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.o.tickMs ?? 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The gateway holds `held` requests for `endpoint` (0: released). A cold start is decided now, not at the next tick. */
  demand(endpoint: string, held: number): void {
    if (held > 0) this.held.set(endpoint, { held, atMs: this.now() });
    else this.held.delete(endpoint);
    if (held > 0) this.tick();
  }

  /** Replicas per version over the last hour, as this control plane saw them (changes only). */
  samplesOf(endpoint: string): ReplicaSample[] {
    return this.samples.get(endpoint) ?? [];
  }

  tick(): void {
    try {
      if (this.pass()) this.emit('changed');
    } catch (err) {
      this.o.log.error({ err }, 'autoscaler pass failed');
    }
  }

  /** One pass over every endpoint; true when a count changed. */
  private pass(): boolean {
    const nowMs = this.now();
    const { db } = this.o;
    const rows = db.select({ id: endpoints.id, name: endpoints.name, config: endpoints.config }).from(endpoints).orderBy(asc(endpoints.name)).all();
    const scales = new Map(db.select().from(endpointScales).all().map((r) => [r.endpointId, r]));
    // Counts decided earlier in this pass count against the budget of the endpoints after them.
    const desired = this.o.serving.desiredVersions().map((d) => ({ ...d }));
    const readyAll = this.o.serving.readyReplicas();
    let changed = false;
    for (const row of rows) {
      const parsed = RuntimeConfig.safeParse(row.config);
      const config = parsed.success ? parsed.data : undefined;
      const stable = desired.find((d) => d.endpoint === row.name && d.stable);
      this.sample(row.name, stable?.replicas ?? 0, readyAll.get(row.name), nowMs);
      const policy = config?.autoscaling;
      if (!config || !policy || !stable) {
        this.watches.delete(row.name);
        continue;
      }
      const scale = scales.get(row.id);
      const current = effectiveReplicas(config, scale?.replicas);
      const policyKey = JSON.stringify(policy);
      let w = this.watches.get(row.name);
      if (!w || w.policyKey !== policyKey) {
        w = { policyKey, sinceMs: nowMs, history: [], lastRequestAtMs: w?.lastRequestAtMs ?? nowMs, coldStartFromMs: null };
        this.watches.set(row.name, w);
      }
      const ready = this.o.serving.versionHealth(row.name, stable.version).readyReplicas;
      const figures = loadFigures(this.o.live, row.name, stable.version, policy.metric, policy.lookbackSeconds, nowMs);
      // A report older than the gateway's longest hold is stale (its "released" may have been dropped).
      const report = this.held.get(row.name);
      const held = report && nowMs - report.atMs <= COLD_START_DEFAULTS.timeoutMs ? report.held : 0;
      if (figures.lastRequestAtMs !== null) w.lastRequestAtMs = Math.max(w.lastRequestAtMs, figures.lastRequestAtMs);
      if (held > 0) w.lastRequestAtMs = nowMs;
      const cost = replicaCost(stable.config);
      const allowed = allowedReplicas(this.o.budget, usedBy(desired, { endpoint: row.name }), cost);
      const d = decideScale({ policy, current, ready, figures: { load: figures.load, idleMs: nowMs - w.lastRequestAtMs, held }, history: w.history, watchingSinceMs: w.sinceMs, allowed, nowMs });
      w.history = d.history;

      if (current === 0 && d.replicas > 0) w.coldStartFromMs = nowMs;
      let lastColdStartMs = scale?.lastColdStartMs ?? null;
      if (w.coldStartFromMs !== null && ready > 0) {
        lastColdStartMs = nowMs - w.coldStartFromMs;
        w.coldStartFromMs = null;
        this.o.log.info({ endpoint: row.name, coldStartMs: lastColdStartMs }, 'cold start: first replica ready');
      }
      const heldBack: HeldBack | null = d.heldBack ? { ...d.heldBack, budgetCores: this.o.budget.cores, usedCores: usedBy(desired).cores, coresPerReplica: cost.cores, budgetGpus: this.o.budget.gpus, usedGpus: usedBy(desired).gpus } : null;
      const metricValue = figures.load === null ? null : Math.round(figures.load * 1000) / 1000;
      const moved = d.replicas !== current;
      const same = scale && !moved && scale.reason === d.reason && JSON.stringify(scale.heldBack) === JSON.stringify(heldBack) && scale.lastColdStartMs === lastColdStartMs;
      if (!same) {
        saveScale(db, { endpointId: row.id, endpoint: row.name, fromReplicas: current, replicas: d.replicas, reason: d.reason, metricValue, heldBack, lastColdStartMs, policy }, new Date(nowMs));
      }
      if (moved) {
        changed = true;
        stable.replicas = d.replicas;
        this.o.log.info({ endpoint: row.name, from: current, to: d.replicas, reason: d.reason, metric: policy.metric, value: metricValue }, 'autoscaling');
      }
    }
    for (const name of this.samples.keys()) if (!rows.some((r) => r.name === name)) this.samples.delete(name);
    return changed;
  }

  /** Keeps a sample when the counts moved (a step chart needs nothing in between). */
  private sample(endpoint: string, desiredReplicas: number, ready: Map<number, unknown[]> | undefined, nowMs: number): void {
    const list = this.samples.get(endpoint) ?? [];
    const counts: Record<string, number> = {};
    for (const [version, replicas] of ready ?? []) if (replicas.length > 0) counts[String(version)] = replicas.length;
    const last = list.at(-1);
    if (!last || last.desiredReplicas !== desiredReplicas || JSON.stringify(last.ready) !== JSON.stringify(counts)) list.push({ t: nowMs, desiredReplicas, ready: counts });
    while (list.length > 0 && list[0]!.t < nowMs - SAMPLE_RETENTION_MS) list.shift();
    this.samples.set(endpoint, list);
  }
}
