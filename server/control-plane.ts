/**
 * Builds the long-lived parts of the control plane over an open database: services, the rollout
 * controller, and the data plane (gateway, supervisor, serving). The composition root calls it;
 * integration tests call it too, so they exercise the same wiring.
 */
import type { Logger } from 'pino';
import { Autoscaler } from './autoscaling/autoscaler';
import type { HostBudget } from './autoscaling/host-budget';
import type { Services } from './context';
import type { ServiceDeps } from './deps';
import { startMetrics, type MetricsPipeline } from './metrics';
import { LiveStore } from './metrics/live-store';
import { RolloutController } from './rollout';
import { RolloutRoutes } from './rollout/rollout-routes';
import { startServing, type DataPlane, type ServingOptions } from './serving/start-serving';
import { buildServices } from './services';
import { detectHostResources } from './sizing';
import { LocalLauncher } from './supervisor/local-launcher';
import { TuningRunner, type TuningRunnerOptions } from './tuning';

export interface CoreOptions {
  projectRoot: string;
  host: string;
  gatewayPort: number;
  /** 0 picks a free port (tests); absent: 0. */
  grpcPort?: number;
  gatewayMaxConnections?: number;
  controllerIntervalMs?: number;
  supervisor?: ServingOptions['supervisor'];
  /** Tests shorten the tuner's measurement points (ms). */
  tuning?: Pick<TuningRunnerOptions, 'warmupMs' | 'windowMs' | 'concurrencies'>;
  /** Tests shorten the tick and give a small budget; absent: 1 s and this host's cores and GPUs. */
  autoscaler?: { tickMs?: number; budget?: HostBudget };
}

export interface ControlPlaneCore {
  services: Services;
  controller: RolloutController;
  plane: DataPlane;
  autoscaler: Autoscaler;
  live: LiveStore;
  metrics: MetricsPipeline;
  /** Graceful: the gateway answers what it accepted and exits, then the runtimes drain. */
  stop(): Promise<void>;
  /** As a crash would: the control plane's loops stop, the data plane keeps serving for the next one to adopt. */
  detach(): void;
}

export async function startControlPlane(deps: ServiceDeps, log: Logger, o: CoreOptions): Promise<ControlPlaneCore> {
  // Built in dependency order; later parts reach earlier ones directly, and earlier ones learn of
  // later changes only through events wired here (no forward references).
  const live = new LiveStore();
  const metrics = startMetrics(deps, live, log);
  const rolloutRoutes = new RolloutRoutes(deps);
  // The one host budget: auto sizing, the autoscaler and the tuner's room check all read it.
  const hostResources = detectHostResources(deps.config.hostCpus);
  const plane = await startServing({
    db: deps.db,
    log,
    projectRoot: o.projectRoot,
    dataDir: deps.config.dataDir,
    artifactsDir: deps.config.paths.artifacts,
    host: o.host,
    hostResources,
    gatewayPort: o.gatewayPort,
    grpcPort: o.grpcPort ?? 0,
    gatewayMaxConnections: o.gatewayMaxConnections,
    rollouts: rolloutRoutes,
    live,
    supervisor: o.supervisor,
  });
  const controller = new RolloutController(deps, live, rolloutRoutes, (endpoint, version) => plane.supervisor.versionHealth(endpoint, version), log);
  // A rollout moved: runtimes to start or stop, and routes to publish.
  controller.on('changed', () => {
    plane.supervisor.trigger();
    void plane.routing.refresh();
  });
  plane.gateway.on('shadow-sample', (sample) => controller.addShadowSample(sample));
  const autoscaler = new Autoscaler({ db: deps.db, live, serving: plane.supervisor, budget: o.autoscaler?.budget ?? { cores: hostResources.cpus, gpus: hostResources.gpus.length }, log, tickMs: o.autoscaler?.tickMs });
  // A count moved: runtimes start or drain, and rollout candidates follow the stable version's count.
  autoscaler.on('changed', () => {
    controller.reconcile();
    plane.supervisor.trigger();
  });
  plane.gateway.on('demand', (endpoint, held) => autoscaler.demand(endpoint, held));
  const tuner = new TuningRunner({
    db: deps.db,
    log,
    launcher: new LocalLauncher(plane.entries.runtime),
    artifactsDir: deps.config.paths.artifacts,
    socketDir: plane.paths.socketDir,
    logDir: plane.paths.logDir,
    hostResources,
    ...o.tuning,
  });
  const services = buildServices(
    deps,
    deps.now(),
    {
      // A person changed desired state: rollouts and runtimes react now rather than at their next tick.
      changed: () => {
        controller.reconcile();
        plane.supervisor.trigger();
      },
      shadowTotals: (endpoint, version, sinceMs) => live.shadowTotals(endpoint, version, sinceMs, Date.now()),
    },
    metrics.service,
    (endpoint) => autoscaler.samplesOf(endpoint),
    tuner,
  );
  controller.start(o.controllerIntervalMs);
  autoscaler.start();
  return {
    services,
    controller,
    plane,
    autoscaler,
    live,
    metrics,
    async stop() {
      await tuner.stop();
      autoscaler.stop();
      controller.stop();
      metrics.stop();
      // Runtimes drain (SIGTERM, then SIGKILL after the grace period).
      await plane.stop();
    },
    detach() {
      void tuner.stop();
      autoscaler.stop();
      controller.stop();
      metrics.stop();
      plane.detach();
    },
  };
}
