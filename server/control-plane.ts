/**
 * Builds the long-lived parts of the control plane over an open database: services, the rollout
 * controller, and the data plane (gateway, supervisor, serving). The composition root calls it;
 * integration tests call it too, so they exercise the same wiring.
 */
import type { Logger } from 'pino';
import type { Services } from './context';
import type { ServiceDeps } from './deps';
import { startMetrics, type MetricsPipeline } from './metrics';
import { LiveStore } from './metrics/live-store';
import { RolloutController } from './rollout';
import { RolloutRoutes } from './rollout/rollout-routes';
import { startServing, type DataPlane, type ServingOptions } from './serving/start-serving';
import { buildServices } from './services';
import { detectHostResources } from './sizing';

export interface CoreOptions {
  projectRoot: string;
  host: string;
  gatewayPort: number;
  /** 0 picks a free port (tests); absent: 0. */
  grpcPort?: number;
  gatewayMaxConnections?: number;
  controllerIntervalMs?: number;
  supervisor?: ServingOptions['supervisor'];
}

export interface ControlPlaneCore {
  services: Services;
  controller: RolloutController;
  plane: DataPlane;
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
    hostResources: detectHostResources(deps.config.hostCpus),
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
  );
  controller.start(o.controllerIntervalMs);
  return {
    services,
    controller,
    plane,
    live,
    metrics,
    async stop() {
      controller.stop();
      metrics.stop();
      // Runtimes drain (SIGTERM, then SIGKILL after the grace period).
      await plane.stop();
    },
    detach() {
      controller.stop();
      metrics.stop();
      plane.detach();
    },
  };
}
