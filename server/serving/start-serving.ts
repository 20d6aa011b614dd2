/**
 * Starts (or takes over) the data plane for the control plane: the gateway process, the
 * supervisor of runtime processes, and the routing publisher between them. Processes an earlier
 * control plane left running are adopted from the state file; everything the data plane runs is
 * written back there on every change. Called by the composition root and by tests (never by
 * bundled route handlers: it resolves files from the project root).
 */
import { mkdirSync, rmdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { buildEntries, type DataPlaneEntries } from '../dataplane/entry-points';
import { GatewayKeeper } from '../dataplane/gateway-keeper';
import { dataPlanePaths, ensurePrivateDir, type DataPlanePaths } from '../dataplane/paths';
import { runsWith, signal } from '../dataplane/process-tools';
import { SnapshotPublisher } from '../dataplane/snapshot-publisher';
import { readStateFile, removeStateFile, writeStateFile, type DataPlaneState } from '../dataplane/state-file';
import { LiveStore } from '../metrics/live-store';
import { InstancesStore } from '../supervisor/instances-store';
import { LocalLauncher } from '../supervisor/local-launcher';
import { Supervisor, type AdoptedRuntime, type SupervisorOptions } from '../supervisor/supervisor';
import type { RolloutServing } from '../rollout/rollout-routes';
import type { HostResources } from '../sizing';
import { RoutingPublisher } from './routing-publisher';

export interface ServingOptions {
  db: Db;
  log: Logger;
  projectRoot: string;
  dataDir: string;
  artifactsDir: string;
  host: string;
  /** The cores and GPUs auto-sized runtimes share (server/sizing). */
  hostResources: HostResources;
  gatewayPort: number;
  /** The gateway's gRPC port; 0 picks a free one (tests). */
  grpcPort?: number;
  gatewayMaxConnections?: number;
  rollouts: RolloutServing;
  live?: LiveStore;
  maxBodyBytes?: number;
  supervisor?: Partial<Pick<SupervisorOptions, 'tickMs' | 'healthIntervalMs' | 'healthFailureLimit' | 'startTimeoutMs' | 'drainGraceMs'>>;
}

export interface DataPlane {
  live: LiveStore;
  gateway: GatewayKeeper;
  supervisor: Supervisor;
  routing: RoutingPublisher;
  paths: DataPlanePaths;
  /** How its processes are started (bundled, or from source when the bundle could not be built). */
  entries: DataPlaneEntries;
  /** How the start went: what was taken over from an earlier control plane. */
  adopted: { gateway: boolean; runtimes: number };
  /** Graceful stop of the whole data plane: the gateway answers what it accepted and exits, then the runtimes drain. */
  stop(): Promise<void>;
  /** Leave the data plane running (as a crash would): stop watching, keep the state file for the next control plane. */
  detach(): void;
}

export async function startServing(o: ServingOptions): Promise<DataPlane> {
  const live = o.live ?? new LiveStore();
  const paths = dataPlanePaths(o.dataDir);
  ensurePrivateDir(paths.socketDir);
  mkdirSync(paths.logDir, { recursive: true, mode: 0o700 });
  const previous = readStateFile(paths.stateFile);

  const entries = await buildEntries(o.projectRoot, o.log);
  const gateway = new GatewayKeeper({
    entry: entries.gateway,
    host: o.host,
    port: o.gatewayPort,
    grpcPort: o.grpcPort ?? 0,
    maxBodyBytes: o.maxBodyBytes ?? 64 * 1024 * 1024,
    maxConnections: o.gatewayMaxConnections ?? 10_000,
    paths,
    log: o.log,
  });
  const adoptedGateway = await gateway.start(previous?.gateway ?? null);

  const launcher = new LocalLauncher(entries.runtime);
  const supervisor = new Supervisor({
    db: o.db,
    store: new InstancesStore(o.db, () => new Date()),
    launcher,
    log: o.log,
    artifactsDir: o.artifactsDir,
    hostResources: o.hostResources,
    socketDir: paths.socketDir,
    logDir: paths.logDir,
    extraVersions: () => o.rollouts.extraVersions(),
    ...o.supervisor,
  });
  const adopted = await adoptRuntimes(launcher, supervisor, previous, o.log);

  let lastState = '';
  const saveState = () => {
    const state: DataPlaneState = { controlPlanePid: process.pid, gateway: gateway.record(), runtimes: supervisor.records() };
    const text = JSON.stringify(state);
    if (text === lastState) return;
    lastState = text;
    try {
      writeStateFile(paths.stateFile, state);
    } catch (err) {
      o.log.warn({ err }, 'could not write the data plane state file');
    }
  };
  const routing = new RoutingPublisher(supervisor, o.rollouts, new SnapshotPublisher([gateway]));
  supervisor.on('instances', saveState);
  gateway.on('changed', saveState);
  supervisor.on('stats', ({ endpoint, version, instanceId, stats }) => live.addRuntime(endpoint, version, instanceId, stats));
  gateway.on('stats', (msg) => live.addGateway(msg));
  supervisor.start(adopted);
  saveState();
  return {
    live,
    gateway,
    supervisor,
    routing,
    paths,
    entries,
    adopted: { gateway: adoptedGateway.adopted, runtimes: adopted.length },
    async stop() {
      await gateway.drain();
      await supervisor.stop();
      removeStateFile(paths.stateFile);
      try {
        rmdirSync(paths.socketDir); // empty unless a lock socket still lives there (the composition root removes it)
      } catch {
        // Not empty: the lock is still held.
      }
    },
    detach() {
      gateway.detach();
      supervisor.detach();
    },
  };
}

/** Runtimes from the state file that confirm who they are; ours that do not answer are killed. */
async function adoptRuntimes(launcher: LocalLauncher, supervisor: Supervisor, previous: DataPlaneState | undefined, log: Logger): Promise<AdoptedRuntime[]> {
  const found = await Promise.all(
    (previous?.runtimes ?? []).map(async (record) => {
      const found = await launcher.adopt(record, { onStats: (stats) => supervisor.emit('stats', { endpoint: record.endpoint, version: record.version, instanceId: record.id, stats }) });
      if (!found && runsWith(record.pid, '--instance-id', record.id)) {
        log.warn({ pid: record.pid, endpoint: record.endpoint }, 'a runtime of the previous control plane did not answer; killing it');
        signal(record.pid, 'SIGKILL');
      }
      return found && { record, ...found };
    }),
  );
  return found.filter((a): a is AdoptedRuntime => a !== undefined);
}
