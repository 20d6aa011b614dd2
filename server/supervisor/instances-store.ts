/** Records observed runtime processes in `runtime_instances`, one row per (endpoint, version, replica). */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runtimeInstances, RUNTIME_STATES } from '../../db/schema';

export type RuntimeState = (typeof RUNTIME_STATES)[number];

export interface InstanceRow {
  endpointId: number;
  versionId: number;
  replica: number;
  pid?: number | null;
  socketPath?: string | null;
  state: RuntimeState;
  restarts?: number;
  lastError?: string | null;
  lastHealthyAt?: Date | null;
}

export class InstancesStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Processes of an earlier control plane are not adopted: their rows go at start. */
  clear(): void {
    this.db.delete(runtimeInstances).run();
  }

  upsert(row: InstanceRow): void {
    const where = and(eq(runtimeInstances.endpointId, row.endpointId), eq(runtimeInstances.versionId, row.versionId), eq(runtimeInstances.replica, row.replica));
    const now = this.now();
    const patch = Object.fromEntries(Object.entries({ ...row, updatedAt: now }).filter(([, v]) => v !== undefined));
    this.db.transaction((tx) => {
      const existing = tx.select({ id: runtimeInstances.id }).from(runtimeInstances).where(where).get();
      if (existing) tx.update(runtimeInstances).set(patch).where(eq(runtimeInstances.id, existing.id)).run();
      else tx.insert(runtimeInstances).values({ ...row, createdAt: now, updatedAt: now }).run();
    });
  }

  remove(endpointId: number, versionId: number, replica: number): void {
    this.db
      .delete(runtimeInstances)
      .where(and(eq(runtimeInstances.endpointId, endpointId), eq(runtimeInstances.versionId, versionId), eq(runtimeInstances.replica, replica)))
      .run();
  }
}
