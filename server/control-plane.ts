/**
 * Builds the long-lived parts of the control plane over an open database: services, the rollout
 * controller, and the data plane (gateway, supervisor, serving). The composition root calls it;
 * integration tests call it too, so they exercise the same wiring.
 */
import type { Logger } from 'pino';
import { Autoscaler } from './autoscaling/autoscaler';
import type { HostBudget } from './autoscaling/host-budget';
import { detectHostBudget } from './autoscaling/host-budget-default';
import type { Services } from './context';
import type { ServiceDeps } from './deps';
import { startMetrics, type MetricsPipeline } from './metrics';
import { LiveStore } from './metrics/live-store';
import { RolloutController } from './rollout';
import { RolloutRoutes } from './rollout/rollout-routes';
import { startServing, type DataPlane, type ServingOptions } from './serving/start-serving';
import { buildServices } from './services';

export interface CoreOptions {
  projectRoot: string;
  host: string;
  gatewayPort: number;
  gatewayMaxConnections?: number;
  controllerIntervalMs?: number;
  supervisor?: ServingOptions['supervisor'];
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
  const plane = await startServing({
    db: deps.db,
    log,
    projectRoot: o.projectRoot,
    dataDir: deps.config.dataDir,
    artifactsDir: deps.config.paths.artifacts,
    host: o.host,
    gatewayPort: o.gatewayPort,
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
  const autoscaler = new Autoscaler({ db: deps.db, live, serving: plane.supervisor, budget: o.autoscaler?.budget ?? detectHostBudget(), log, tickMs: o.autoscaler?.tickMs });
  // A count moved: runtimes start or drain, and rollout candidates follow the stable version's count.
  autoscaler.on('changed', () => {
    controller.reconcile();
    plane.supervisor.trigger();
  });
  plane.gateway.on('demand', (endpoint, held) => autoscaler.demand(endpoint, held));
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
      autoscaler.stop();
      controller.stop();
      metrics.stop();
      // Runtimes drain (SIGTERM, then SIGKILL after the grace period).
      await plane.stop();
    },
    detach() {
      autoscaler.stop();
      controller.stop();
      metrics.stop();
      plane.detach();
    },
  };
}
