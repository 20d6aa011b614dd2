/**
 * The one routing publisher: builds the routing table from what should run and what is ready
 * (the supervisor), and what rollouts route (their overlays), and pushes it to the gateways as a
 * numbered snapshot whenever it changes. It listens; nothing calls back into it, so the
 * supervisor and the rollout controller never reach each other through it.
 */
import type { SnapshotPublisher } from '../dataplane/snapshot-publisher';
import type { RolloutServing } from '../rollout/rollout-routes';
import type { Supervisor } from '../supervisor/supervisor';
import { buildRoutingTable } from './build-routing-table';

export class RoutingPublisher {
  constructor(
    private readonly supervisor: Supervisor,
    private readonly rollouts: RolloutServing,
    private readonly snapshots: SnapshotPublisher,
  ) {
    supervisor.on('changed', () => void this.refresh());
    supervisor.on('unrouting', (waitUntil) => waitUntil(this.refresh()));
  }

  /** Resolves when every gateway routes by the current state (at once when nothing changed). */
  refresh(): Promise<void> {
    const table = buildRoutingTable(this.supervisor.desiredVersions(), this.supervisor.readyReplicas(), this.rollouts.overlays(), this.supervisor.handoff());
    return this.snapshots.publish(table);
  }
}
