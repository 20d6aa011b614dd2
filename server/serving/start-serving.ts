/**
 * Starts the data plane under the control plane: the gateway on its own worker thread, the
 * supervisor of runtime processes, and the composer that routes between them. Called by the
 * composition root (never by bundled route handlers: it resolves files from this module's URL).
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { GatewayHost } from '../gateway/host';
import type { ShadowSample } from '../gateway/shadow-mirror';
import { LiveStore } from '../metrics/live-store';
import { InstancesStore } from '../supervisor/instances-store';
import { LocalLauncher } from '../supervisor/local-launcher';
import { Supervisor, type SupervisorOptions } from '../supervisor/supervisor';
import { Serving, type RolloutServing } from './serving';

export interface ServingOptions {
  db: Db;
  log: Logger;
  projectRoot: string;
  dataDir: string;
  artifactsDir: string;
  host: string;
  gatewayPort: number;
  rollouts: RolloutServing;
  live?: LiveStore;
  onShadowSample?: (sample: ShadowSample) => void;
  maxBodyBytes?: number;
  supervisor?: Partial<Pick<SupervisorOptions, 'tickMs' | 'healthIntervalMs' | 'healthFailureLimit' | 'startTimeoutMs' | 'drainGraceMs'>>;
}

export interface DataPlane {
  live: LiveStore;
  gateway: GatewayHost;
  supervisor: Supervisor;
  serving: Serving;
  stop(): Promise<void>;
}

/** Unix socket paths are limited to ~107 bytes: keep them short, under the system temp dir. */
export function socketDirFor(dataDir: string): string {
  return join(tmpdir(), `slipway-${createHash('sha256').update(dataDir).digest('hex').slice(0, 10)}`);
}

export async function startServing(o: ServingOptions): Promise<DataPlane> {
  const live = o.live ?? new LiveStore();
  const gateway = await GatewayHost.start(
    { host: o.host, port: o.gatewayPort, maxBodyBytes: o.maxBodyBytes ?? 64 * 1024 * 1024, statsIntervalMs: 1000 },
    new URL('../gateway/worker.ts', import.meta.url),
  );
  // The supervisor asks the composer for extra versions; the composer needs the supervisor.
  const late: { serving?: Serving } = {};
  const supervisor = new Supervisor({
    db: o.db,
    store: new InstancesStore(o.db, () => new Date()),
    launcher: new LocalLauncher(o.projectRoot),
    log: o.log,
    artifactsDir: o.artifactsDir,
    socketDir: socketDirFor(o.dataDir),
    extraVersions: () => late.serving?.extraVersions() ?? o.rollouts.extraVersions(),
    beforeDrain: () => late.serving?.publish() ?? Promise.resolve(),
    ...o.supervisor,
  });
  const serving = new Serving(supervisor, o.rollouts, (table) => gateway.setRoutes(table));
  late.serving = serving;
  supervisor.on('changed', () => void serving.publish());
  supervisor.on('stats', ({ endpoint, version, instanceId, stats }) => live.addRuntime(endpoint, version, instanceId, stats));
  gateway.on('stats', (msg) => live.addGateway(msg));
  if (o.onShadowSample) gateway.on('shadow-sample', o.onShadowSample);
  supervisor.start();
  return {
    live,
    gateway,
    supervisor,
    serving,
    async stop() {
      await supervisor.stop();
      await gateway.close();
    },
  };
}
