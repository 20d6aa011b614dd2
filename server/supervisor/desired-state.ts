/**
 * What should run, read from the database: every endpoint's stable version at its replica count,
 * plus the versions rollouts add (a candidate, or the previous stable kept warm after a
 * blue-green promotion). One synchronous read; the supervisor calls it on every tick.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { endpoints, modelVersions } from '../../db/schema';
import { effectiveReplicas, scaledReplicasByEndpoint } from '../autoscaling/scaled-replicas';
import { RuntimeConfig } from '../endpoints/schemas';
import { sizedConfig, sizeEndpoints, type HostResources, type SizedConfig } from '../sizing';
import { slotKey, type DesiredSlot } from './plan';

export interface ExtraVersion {
  endpoint: string;
  versionId: number;
  replicas: number;
}

export interface DesiredVersion {
  endpoint: string;
  endpointId: number;
  version: number;
  versionId: number;
  modelPath: string;
  /** With `auto` resolved for this host: a budget change restarts replicas (rolling) at their new size. */
  config: SizedConfig;
  replicas: number;
  /** The endpoint's stable version (the others run for rollouts or a handoff). */
  stable: boolean;
  /** Changes whenever a replica would need a restart to match (model or config). */
  configHash: string;
}

export function readDesiredState(db: Db, artifactsDir: string, extras: readonly ExtraVersion[], host: Pick<HostResources, 'cpus' | 'gpus'>): DesiredVersion[] {
  const sizing = sizeEndpoints(db, host);
  const rows = db
    .select({ endpointId: endpoints.id, endpoint: endpoints.name, config: endpoints.config, versionId: endpoints.versionId, modelId: endpoints.modelId })
    .from(endpoints)
    .all();
  const scaled = scaledReplicasByEndpoint(db);
  const out: DesiredVersion[] = [];
  for (const row of rows) {
    const parsed = RuntimeConfig.safeParse(row.config);
    if (!parsed.success) continue;
    const config = sizedConfig(parsed.data, sizing.byKey.get(row.endpoint));
    const wanted = new Map<number, number>([[row.versionId, effectiveReplicas(config, scaled.get(row.endpointId))]]);
    // The stable version runs at the endpoint's replica count, whatever an extra asks: the version
    // that served before is offered as an extra too, and must not hold a lowered count up.
    for (const e of extras) if (e.endpoint === row.endpoint && e.versionId !== row.versionId) wanted.set(e.versionId, Math.max(wanted.get(e.versionId) ?? 0, e.replicas));
    for (const [versionId, replicas] of wanted) {
      const v = db.select({ version: modelVersions.version, sha256: modelVersions.sha256 }).from(modelVersions).where(eq(modelVersions.id, versionId)).get();
      if (!v) continue;
      const modelPath = join(artifactsDir, `${v.sha256}.onnx`);
      // Neither the count nor the autoscaling policy changes what one process runs.
      const { replicas: _ignored, autoscaling: _policy, ...perProcess } = config;
      const configHash = createHash('sha256').update(JSON.stringify({ modelPath, perProcess })).digest('hex').slice(0, 16);
      out.push({ endpoint: row.endpoint, endpointId: row.endpointId, version: v.version, versionId, modelPath, config, replicas, stable: versionId === row.versionId, configHash });
    }
  }
  return out;
}

export function slotsOf(desired: readonly DesiredVersion[]): DesiredSlot[] {
  const slots: DesiredSlot[] = [];
  for (const d of desired) {
    for (let r = 0; r < d.replicas; r++) slots.push({ key: slotKey(d.endpoint, d.version, r), endpoint: d.endpoint, version: d.version, replica: r, configHash: d.configHash });
  }
  return slots;
}
