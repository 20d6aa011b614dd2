/**
 * Wires the supervisor to the gateway: after every change in what runs, it rebuilds the routing
 * table (with rollout overlays) and posts it when it differs from the last one. It also keeps the
 * version that served an endpoint running until a new stable version has a ready replica.
 */
import { routingTableJson, type RoutingTable } from '../gateway/routing-table';
import type { ExtraVersion } from '../supervisor/desired-state';
import type { Supervisor } from '../supervisor/supervisor';
import { buildRoutingTable, type RouteOverlay } from './build-routing-table';

export interface RolloutServing {
  /** Routing changes of active rollouts, per endpoint. */
  overlays(): Map<string, RouteOverlay>;
  /** Versions rollouts keep running (candidates, warm standby). */
  extraVersions(): ExtraVersion[];
}

export class Serving {
  private readonly lastServing = new Map<string, { version: number; versionId: number; replicas: number }>();
  private lastPublished = '';
  private applied: Promise<void> = Promise.resolve();

  constructor(
    private readonly supervisor: Supervisor,
    private readonly rollouts: RolloutServing,
    /** Resolves once the gateway applies the table. */
    private readonly publishTable: (table: RoutingTable) => Promise<void>,
  ) {}

  /**
   * For the supervisor: rollout versions plus the version that last served each endpoint. The
   * latter is always offered: it merges with the stable version when they are the same, and
   * keeps the old one running after a version change until the new one has a ready replica.
   */
  extraVersions(): ExtraVersion[] {
    const extras = this.rollouts.extraVersions();
    for (const [endpoint, last] of this.lastServing) extras.push({ endpoint, versionId: last.versionId, replicas: last.replicas });
    return extras;
  }

  /** Resolves when the gateway routes by the current state (at once when nothing changed). */
  publish(): Promise<void> {
    const desired = this.supervisor.desiredVersions();
    const ready = this.supervisor.readyReplicas();
    const handoff = new Map([...this.lastServing].map(([ep, v]) => [ep, v.version]));
    const table = buildRoutingTable(desired, ready, this.rollouts.overlays(), handoff);
    for (const d of desired) {
      if (d.stable && (ready.get(d.endpoint)?.get(d.version)?.length ?? 0) > 0) this.lastServing.set(d.endpoint, { version: d.version, versionId: d.versionId, replicas: d.replicas });
    }
    for (const ep of this.lastServing.keys()) if (!table.has(ep)) this.lastServing.delete(ep);
    const serialized = routingTableJson(table);
    if (serialized !== this.lastPublished) {
      this.lastPublished = serialized;
      this.applied = this.publishTable(table);
    }
    return this.applied;
  }
}
