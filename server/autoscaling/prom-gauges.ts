/** Prometheus gauges of replicas per endpoint, read from the database at scrape time. */
import { and, eq, sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/client';
import { endpoints, endpointScales, modelVersions, runtimeInstances } from '../../db/schema';
import { RuntimeConfig } from '../endpoints/schemas';
import { effectiveReplicas } from './scaled-replicas';

export function defineReplicaGauges(registry: Registry, db: Db): void {
  new Gauge({
    name: 'slipway_endpoint_replicas_desired',
    help: "Replicas the endpoint's stable version should run (the autoscaler's count when it has a policy)",
    labelNames: ['endpoint'],
    registers: [registry],
    collect() {
      this.reset();
      const scaled = new Map(db.select().from(endpointScales).all().map((r) => [r.endpointId, r.replicas]));
      for (const e of db.select({ id: endpoints.id, name: endpoints.name, config: endpoints.config }).from(endpoints).all()) {
        const config = RuntimeConfig.safeParse(e.config);
        if (config.success) this.set({ endpoint: e.name }, effectiveReplicas(config.data, scaled.get(e.id)));
      }
    },
  });
  new Gauge({
    name: 'slipway_endpoint_replicas_ready',
    help: 'Ready replicas per endpoint and version, as the supervisor recorded them',
    labelNames: ['endpoint', 'version'],
    registers: [registry],
    collect() {
      this.reset();
      const rows = db
        .select({ endpoint: endpoints.name, version: modelVersions.version, ready: sql<number>`count(*)` })
        .from(runtimeInstances)
        .innerJoin(endpoints, eq(endpoints.id, runtimeInstances.endpointId))
        .innerJoin(modelVersions, eq(modelVersions.id, runtimeInstances.versionId))
        .where(and(eq(runtimeInstances.state, 'ready')))
        .groupBy(endpoints.name, modelVersions.version)
        .all();
      for (const r of rows) this.set({ endpoint: r.endpoint, version: String(r.version) }, r.ready);
    },
  });
}
