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
import { startServing, type DataPlane, type ServingOptions } from './serving/start-serving';
import { buildServices } from './services';

export interface CoreOptions {
  projectRoot: string;
  host: string;
  gatewayPort: number;
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
  // The controller reads replica health from the supervisor; the supervisor runs what rollouts want.
  const live = new LiveStore();
  const holder: { plane?: DataPlane } = {};
  const controller = new RolloutController(
    deps,
    live,
    (endpoint, version) => holder.plane?.supervisor.versionHealth(endpoint, version) ?? { readyReplicas: 0, wantedReplicas: 0, failedStarts: 0 },
    log,
    () => holder.plane?.supervisor.trigger(),
  );
  const metrics = startMetrics(deps, live, log);
  const services = buildServices(
    deps,
    deps.now(),
    {
      changed: () => controller.reconcile(),
      shadowTotals: (endpoint, version, sinceMs) => live.shadowTotals(endpoint, version, sinceMs, Date.now()),
    },
    metrics.service,
  );
  const plane = await startServing({
    db: deps.db,
    log,
    projectRoot: o.projectRoot,
    dataDir: deps.config.dataDir,
    artifactsDir: deps.config.paths.artifacts,
    host: o.host,
    gatewayPort: o.gatewayPort,
    gatewayMaxConnections: o.gatewayMaxConnections,
    rollouts: controller,
    live,
    onShadowSample: (sample) => controller.addShadowSample(sample),
    supervisor: o.supervisor,
  });
  holder.plane = plane;
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
