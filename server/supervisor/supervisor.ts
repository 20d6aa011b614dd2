/**
 * The supervisor keeps runtime processes in line with the desired state: it starts missing
 * replicas, waits for readiness before routing to them, restarts crashed or unresponsive ones
 * with backoff, rolls config changes one replica at a time, and drains replicas no longer wanted
 * (out of the routing table first, then SIGTERM, then SIGKILL after a grace period).
 */
import { EventEmitter } from 'node:events';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { RuntimeStats } from '../../protocol/stats';
import type { ReplicaAddress } from '../gateway/routing-table';
import { readDesiredState, slotsOf, type DesiredVersion, type ExtraVersion } from './desired-state';
import { probeReady } from './health-probe';
import type { InstancesStore } from './instances-store';
import type { Launcher, RuntimeHandle } from './launcher';
import { describeExit } from './local-launcher';
import { afterCrash, afterReady, FRESH_SLOT, startFailures, withReason, type SlotHistory } from './slot-history';
import { planReconcile, slotKey, type DesiredSlot, type InstanceState } from './plan';
import type { Db } from '../../db/client';
import type { RuntimeRecord } from '../dataplane/state-file';
import type { HostResources } from '../sizing';

/** A runtime an earlier control plane launched, confirmed by the launcher, to be taken over. */
export interface AdoptedRuntime {
  record: RuntimeRecord;
  handle: RuntimeHandle;
  /** Ready when adopted: it routes from the first table on, so no request sees a gap. */
  ready: boolean;
}

export interface SupervisorOptions {
  db: Db;
  store: InstancesStore;
  launcher: Launcher;
  log: Logger;
  artifactsDir: string;
  /** The cores and GPUs auto-sized runtimes share. */
  hostResources: HostResources;
  socketDir: string;
  /** Runtime logs (stdout and stderr of each process). */
  logDir: string;
  /** Versions rollouts want running besides each endpoint's stable one. */
  extraVersions: () => ExtraVersion[];
  tickMs?: number;
  healthIntervalMs?: number;
  /** Consecutive failed probes before a ready runtime counts as unresponsive and is killed. */
  healthFailureLimit?: number;
  startTimeoutMs?: number;
  drainGraceMs?: number;
}

interface Instance {
  id: string;
  slot: DesiredSlot;
  target: DesiredVersion;
  state: InstanceState;
  handle: RuntimeHandle;
  socketPath: string;
  logPath: string;
  generation: number;
  startedAtMs: number;
  healthFailures: number;
  stopping?: Promise<void>;
}

export interface SupervisorEvents {
  /** The ready replicas or the desired state may have changed: recompute and publish routes. */
  changed: [];
  /**
   * A ready replica is leaving: listeners pass `waitUntil` the promise of a routing table without
   * it, and the replica gets SIGTERM only once every such promise settled (no request reaches a draining runtime).
   */
  unrouting: [waitUntil: (applied: Promise<void>) => void];
  /** A process was added or is gone: what the state file records changed. */
  instances: [];
  stats: [{ endpoint: string; version: number; instanceId: string; stats: RuntimeStats }];
}

export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly instances = new Map<string, Instance>();
  private readonly history = new Map<string, SlotHistory>();
  private desired: DesiredVersion[] = [];
  private desiredSignature = '';
  /** Per endpoint, the stable version that last had a ready replica: it serves until a new stable one is ready. */
  private readonly lastServing = new Map<string, { version: number; versionId: number; replicas: number }>();
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private healthTimer?: NodeJS.Timeout;
  private ticking = false;
  private closed = false;

  constructor(private readonly o: SupervisorOptions) {
    super();
  }

  /**
   * Takes over `adopted` runtimes (same pid keeps serving, no warm-up) where they match what
   * should run, stops the ones nothing wants any more, then reconciles the rest as usual.
   */
  start(adopted: readonly AdoptedRuntime[] = []): void {
    this.o.store.clear();
    this.desired = readDesiredState(this.o.db, this.o.artifactsDir, this.wantedExtras(), this.o.hostResources);
    for (const { record, handle, ready } of adopted) {
      this.generation = Math.max(this.generation, generationOf(record.id));
      const target = this.desired.find((d) => d.endpoint === record.endpoint && d.version === record.version);
      if (!target) {
        this.o.log.info({ endpoint: record.endpoint, version: record.version, replica: record.replica, pid: record.pid }, 'stopping an adopted runtime nothing wants');
        void handle.stop(this.o.drainGraceMs ?? 30_000).then(() => rmSync(record.logPath, { force: true }));
        continue;
      }
      const slot: DesiredSlot = { key: slotKey(record.endpoint, record.version, record.replica), endpoint: record.endpoint, version: record.version, replica: record.replica, configHash: record.configHash };
      this.track({ id: record.id, slot, target, state: ready ? 'ready' : 'starting', handle, socketPath: record.socketPath, logPath: record.logPath, generation: generationOf(record.id), startedAtMs: Date.now(), healthFailures: 0 });
      this.o.log.info({ endpoint: record.endpoint, version: record.version, replica: record.replica, pid: record.pid }, 'runtime adopted');
    }
    // Socket names of processes nobody adopted must not be reused by a new generation.
    for (const name of safeReaddir(this.o.socketDir)) this.generation = Math.max(this.generation, generationOf(name));
    this.timer = setInterval(() => this.trigger(), this.o.tickMs ?? 1000);
    this.healthTimer = setInterval(() => void this.checkHealth(), this.o.healthIntervalMs ?? 2000);
    this.trigger();
  }

  /** Reconcile now (debounced to one pass at a time). */
  trigger(): void {
    if (this.ticking || this.closed) return;
    this.ticking = true;
    try {
      this.reconcile();
    } catch (err) {
      this.o.log.error({ err }, 'supervisor reconcile failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Ready replicas per endpoint and version, for the routing table. */
  readyReplicas(): Map<string, Map<number, ReplicaAddress[]>> {
    const out = new Map<string, Map<number, ReplicaAddress[]>>();
    for (const inst of this.instances.values()) {
      if (inst.state !== 'ready') continue;
      const byVersion = out.get(inst.slot.endpoint) ?? new Map<number, ReplicaAddress[]>();
      byVersion.set(inst.slot.version, [...(byVersion.get(inst.slot.version) ?? []), { id: inst.id, socketPath: inst.socketPath }]);
      out.set(inst.slot.endpoint, byVersion);
    }
    return out;
  }

  desiredVersions(): readonly DesiredVersion[] {
    return this.desired;
  }

  /** Per endpoint, the version that keeps serving while its new stable version has no ready replica yet. */
  handoff(): Map<string, number> {
    return new Map([...this.lastServing].map(([endpoint, v]) => [endpoint, v.version]));
  }

  /**
   * Rollout versions plus the version that last served each endpoint: after a version change the
   * old one keeps running until the new one has a ready replica (the desired state ignores the
   * entry while it is still the stable version).
   */
  private wantedExtras(): ExtraVersion[] {
    const extras = this.o.extraVersions();
    for (const [endpoint, last] of this.lastServing) extras.push({ endpoint, versionId: last.versionId, replicas: last.replicas });
    return extras;
  }

  /** Remembers which stable versions serve, so a later version change can hand traffic over. */
  private noteServing(): void {
    const ready = this.readyReplicas();
    const endpoints = new Set<string>();
    for (const d of this.desired) {
      if (!d.stable) continue;
      endpoints.add(d.endpoint);
      if ((ready.get(d.endpoint)?.get(d.version)?.length ?? 0) > 0) this.lastServing.set(d.endpoint, { version: d.version, versionId: d.versionId, replicas: d.replicas });
    }
    for (const endpoint of this.lastServing.keys()) if (!endpoints.has(endpoint)) this.lastServing.delete(endpoint);
  }

  /** Routing depends on what is desired and what is ready: tell listeners when either moved. */
  private changed(): void {
    this.noteServing();
    this.emit('changed');
  }

  /** How one version's replicas are doing, for the rollout controller. */
  versionHealth(endpoint: string, version: number): { readyReplicas: number; wantedReplicas: number; failedStarts: number; lastError?: string } {
    const prefix = `${endpoint}/v${version}/`;
    let readyReplicas = 0;
    for (const i of this.instances.values()) if (i.state === 'ready' && i.slot.key.startsWith(prefix)) readyReplicas++;
    const wantedReplicas = this.desired.find((d) => d.endpoint === endpoint && d.version === version)?.replicas ?? 0;
    const histories = [...this.history].filter(([key]) => key.startsWith(prefix)).map(([, h]) => h);
    return { readyReplicas, wantedReplicas, ...startFailures(histories, readyReplicas) };
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.healthTimer);
    await Promise.all([...this.instances.values()].map((inst) => this.drain(inst, 'control plane stopping')));
  }

  /** The control plane goes away and the runtimes stay (a crash, as far as they can tell): stop watching only. */
  detach(): void {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.healthTimer);
    for (const inst of this.instances.values()) inst.handle.detach();
  }

  /** What runs now, for the state file the next control plane adopts from. */
  records(): RuntimeRecord[] {
    return [...this.instances.values()]
      .filter((i) => i.handle.pid !== undefined && i.state !== 'stopping')
      .map((i) => ({ id: i.id, pid: i.handle.pid!, socketPath: i.socketPath, logPath: i.logPath, endpoint: i.slot.endpoint, version: i.slot.version, replica: i.slot.replica, configHash: i.slot.configHash }));
  }

  private reconcile(): void {
    this.desired = readDesiredState(this.o.db, this.o.artifactsDir, this.wantedExtras(), this.o.hostResources);
    const signature = JSON.stringify(this.desired.map((d) => [d.endpoint, d.version, d.replicas, d.stable, d.configHash]));
    if (signature !== this.desiredSignature) {
      this.desiredSignature = signature;
      this.changed();
    }
    const slots = slotsOf(this.desired);
    // A slot nobody wants any more starts from a clean record if it is wanted again later.
    const wantedKeys = new Set(slots.map((x) => x.key));
    for (const key of this.history.keys()) if (!wantedKeys.has(key)) this.history.delete(key);
    const observed = [...this.instances.values()].map((i) => ({ id: i.id, key: i.slot.key, configHash: i.slot.configHash, state: i.state }));
    const backoff = new Map([...this.history].map(([k, h]) => [k, { notBeforeMs: h.notBeforeMs }]));
    for (const action of planReconcile(slots, observed, backoff, Date.now())) {
      if (action.kind === 'start') {
        const target = this.desired.find((d) => d.endpoint === action.slot.endpoint && d.version === action.slot.version)!;
        this.launch(action.slot, target);
      } else {
        const inst = this.instances.get(action.instanceId);
        if (inst) void this.drain(inst, action.reason);
      }
    }
  }

  private launch(slot: DesiredSlot, target: DesiredVersion): void {
    const generation = ++this.generation;
    const id = `r${generation}`;
    const socketPath = join(this.o.socketDir, `${id}.sock`);
    const logPath = join(this.o.logDir, `${id}.log`);
    const handle = this.o.launcher.launch(
      { instanceId: id, endpoint: slot.endpoint, version: slot.version, replica: slot.replica, modelPath: target.modelPath, config: target.config, socketPath, logPath },
      { onStats: (stats) => this.emit('stats', { endpoint: slot.endpoint, version: slot.version, instanceId: id, stats }) },
    );
    const inst: Instance = { id, slot, target, state: 'starting', handle, socketPath, logPath, generation, startedAtMs: Date.now(), healthFailures: 0 };
    this.track(inst);
    this.o.log.info({ endpoint: slot.endpoint, version: slot.version, replica: slot.replica, pid: handle.pid }, 'runtime starting');
  }

  /** Follows one process from starting to ready to gone; for launched and adopted ones alike. */
  private track(inst: Instance): void {
    const { id, slot, handle } = inst;
    this.instances.set(id, inst);
    this.emit('instances');
    const history = this.history.get(slot.key);
    this.record(inst, inst.state === 'ready' ? 'ready' : 'starting', { pid: handle.pid ?? null, socketPath: inst.socketPath, restarts: history?.restarts ?? 0, ...(inst.state === 'ready' && { lastHealthyAt: new Date() }) });

    const startTimer = setTimeout(() => {
      if (inst.state === 'starting') {
        this.noteFailure(slot.key, `did not become ready within ${(this.o.startTimeoutMs ?? 120_000) / 1000} s`);
        handle.kill();
      }
    }, this.o.startTimeoutMs ?? 120_000);
    handle.ready.then(
      () => {
        clearTimeout(startTimer);
        if (inst.state !== 'starting') return;
        inst.state = 'ready';
        const h = this.history.get(slot.key);
        if (h) this.history.set(slot.key, afterReady(h));
        this.record(inst, 'ready', { lastHealthyAt: new Date(), lastError: null });
        this.o.log.info({ endpoint: slot.endpoint, version: slot.version, replica: slot.replica }, 'runtime ready');
        this.changed();
        this.trigger();
      },
      () => clearTimeout(startTimer),
    );
    void handle.exited.then((exit) => {
      clearTimeout(startTimer);
      if (this.closed && inst.state !== 'stopping') return; // detached: the process lives on without us
      this.instances.delete(id);
      this.emit('instances');
      rmSync(inst.logPath, { force: true });
      const wasReady = inst.state === 'ready';
      if (inst.state !== 'stopping') {
        // An exit nobody asked for: restart with backoff and keep the reason for the replicas table.
        const h = afterCrash(this.history.get(slot.key) ?? FRESH_SLOT, describeExit(exit), { wasReady, upForMs: Date.now() - inst.startedAtMs, nowMs: Date.now() });
        this.history.set(slot.key, h);
        this.record(inst, 'failed', { pid: null, restarts: h.restarts, lastError: h.lastError });
        this.o.log.warn({ endpoint: slot.endpoint, version: slot.version, replica: slot.replica, restarts: h.restarts, error: h.lastError }, 'runtime exited unexpectedly');
      }
      if (wasReady) this.changed();
      this.trigger();
    });
  }

  private noteFailure(key: string, message: string): void {
    this.history.set(key, withReason(this.history.get(key) ?? FRESH_SLOT, message));
  }

  private drain(inst: Instance, reason: string): Promise<void> {
    if (inst.stopping) return inst.stopping;
    const wasReady = inst.state === 'ready';
    inst.state = 'stopping';
    this.emit('instances');
    this.record(inst, 'draining', {});
    // Out of the routing table before SIGTERM, so no new request reaches a draining runtime.
    const waits: Promise<void>[] = [];
    if (wasReady) this.emit('unrouting', (applied) => waits.push(applied.catch(() => undefined)));
    this.o.log.info({ endpoint: inst.slot.endpoint, version: inst.slot.version, replica: inst.slot.replica, reason }, 'runtime draining');
    const unrouted = Promise.all(waits);
    inst.stopping = unrouted.then(() => inst.handle.stop(this.o.drainGraceMs ?? 30_000)).then(() => {
      const stillWanted = slotsOf(this.desired).some((s) => s.key === inst.slot.key);
      const replaced = [...this.instances.values()].some((i) => i.slot.key === inst.slot.key && i !== inst);
      if (!stillWanted) this.o.store.remove(inst.target.endpointId, inst.target.versionId, inst.slot.replica);
      else if (!replaced) this.record(inst, 'stopped', { pid: null });
      this.trigger();
    });
    return inst.stopping;
  }

  private async checkHealth(): Promise<void> {
    const limit = this.o.healthFailureLimit ?? 3;
    await Promise.all(
      [...this.instances.values()]
        .filter((i) => i.state === 'ready')
        .map(async (inst) => {
          const ok = await probeReady(inst.socketPath, 2000);
          if (inst.state !== 'ready') return;
          if (ok) {
            inst.healthFailures = 0;
            return;
          }
          if (++inst.healthFailures >= limit) {
            this.noteFailure(inst.slot.key, `unresponsive: ${limit} readiness probes failed`);
            this.o.log.warn({ endpoint: inst.slot.endpoint, version: inst.slot.version, replica: inst.slot.replica }, 'runtime unresponsive, killing');
            inst.handle.kill();
          }
        }),
    );
  }

  private record(inst: Instance, state: 'starting' | 'ready' | 'draining' | 'stopped' | 'failed', extra: Partial<Parameters<InstancesStore['upsert']>[0]>): void {
    // One row per replica slot: during a rolling replacement the newer process owns it.
    const newer = [...this.instances.values()].some((i) => i !== inst && i.slot.key === inst.slot.key && i.generation > inst.generation);
    if (newer) return;
    try {
      this.o.store.upsert({ endpointId: inst.target.endpointId, versionId: inst.target.versionId, replica: inst.slot.replica, state, ...extra });
    } catch (err) {
      // The endpoint may have been deleted meanwhile (its rows cascade away): nothing to record.
      this.o.log.debug({ err }, 'runtime instance not recorded');
    }
  }
}

function generationOf(name: string): number {
  const m = /^r(\d+)(?:\.sock|\.log)?$/.exec(name);
  return m ? Number(m[1]) : 0;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
