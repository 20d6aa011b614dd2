/**
 * How routing tables reach the data plane: whole tables, numbered, pushed to every gateway.
 * An unchanged table is not sent again; a gateway that (re)connects gets the latest at once.
 */
import type { RoutingTable } from '../gateway/routing-table';
import { toWire } from '../gateway/routes-wire';
import type { RoutingSnapshot } from '../../protocol/dataplane';

export interface SnapshotSink {
  publish(snapshot: RoutingSnapshot): Promise<void>;
}

export class SnapshotPublisher {
  private version = 0;
  private lastSerialized = '';
  private applied: Promise<void> = Promise.resolve();

  constructor(private readonly gateways: readonly SnapshotSink[]) {}

  /** Resolves once every gateway routes by `table` (at once when it is the table already sent). */
  publish(table: RoutingTable): Promise<void> {
    const { endpoints } = toWire(table, 0);
    const serialized = JSON.stringify(endpoints);
    if (serialized === this.lastSerialized) return this.applied;
    this.lastSerialized = serialized;
    const snapshot: RoutingSnapshot = { version: ++this.version, endpoints };
    this.applied = Promise.all(this.gateways.map((g) => g.publish(snapshot))).then(() => undefined);
    return this.applied;
  }
}
