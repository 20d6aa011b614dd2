/**
 * Triton's statistics extension at the gateway: the replicas to ask (`statsTargets`) and their
 * answers summed into one entry per endpoint version (`sumModelStats`). Pure. Durations are
 * Triton's `{ count, ns }` pairs; `last_inference` is the latest of any replica.
 */
import { unknownModel } from '../../protocol/kserve-messages';
import type { ReplicaAddress, RoutingTable } from './routing-table';

interface Duration {
  count: number;
  ns: number;
}
export interface ModelStatsEntry {
  name: string;
  version: string;
  last_inference: number;
  inference_count: number;
  execution_count: number;
  inference_stats: Record<string, Duration>;
  batch_stats: ({ batch_size: number } & Record<string, Duration | number>)[];
}
export interface TritonStats {
  model_stats: ModelStatsEntry[];
}

export type StatsTargets =
  | { ok: true; versions: { endpoint: string; version: number }[]; replicas: { endpoint: string; version: number; replica: ReplicaAddress }[] }
  | { ok: false; message: string };

export function statsTargets(table: RoutingTable, endpoint?: string, version?: number): StatsTargets {
  const endpoints = endpoint === undefined ? [...table.values()] : table.has(endpoint) ? [table.get(endpoint)!] : [];
  if (endpoint !== undefined && endpoints.length === 0) return { ok: false, message: unknownModel(endpoint) };
  if (endpoint !== undefined && version !== undefined && !endpoints[0]!.replicas.has(version)) return { ok: false, message: unknownModel(endpoint, version) };
  const versions: { endpoint: string; version: number }[] = [];
  const replicas: { endpoint: string; version: number; replica: ReplicaAddress }[] = [];
  for (const ep of endpoints) {
    for (const [v, list] of [...ep.replicas].sort(([a], [b]) => a - b)) {
      if (version !== undefined && v !== version) continue;
      versions.push({ endpoint: ep.endpoint, version: v });
      for (const replica of list) replicas.push({ endpoint: ep.endpoint, version: v, replica });
    }
  }
  return { ok: true, versions, replicas };
}

const addInto = (into: Record<string, Duration>, from: Record<string, Duration | number> | undefined) => {
  for (const [key, d] of Object.entries(from ?? {})) {
    if (typeof d !== 'object' || d === null) continue;
    const slot = (into[key] ??= { count: 0, ns: 0 });
    slot.count += Number(d.count) || 0;
    slot.ns += Number(d.ns) || 0;
  }
};

/** One entry per version asked about, in that order; a replica that did not answer adds nothing. */
export function sumModelStats(versions: { endpoint: string; version: number }[], answers: (TritonStats | undefined)[]): TritonStats {
  const entries = new Map<string, ModelStatsEntry & { batches: Map<number, Record<string, Duration>> }>();
  for (const { endpoint, version } of versions) {
    entries.set(`${endpoint}\n${version}`, { name: endpoint, version: String(version), last_inference: 0, inference_count: 0, execution_count: 0, inference_stats: {}, batch_stats: [], batches: new Map() });
  }
  for (const answer of answers) {
    for (const s of answer?.model_stats ?? []) {
      const e = entries.get(`${s.name}\n${s.version}`);
      if (!e) continue;
      e.last_inference = Math.max(e.last_inference, Number(s.last_inference) || 0);
      e.inference_count += Number(s.inference_count) || 0;
      e.execution_count += Number(s.execution_count) || 0;
      addInto(e.inference_stats, s.inference_stats);
      for (const b of s.batch_stats ?? []) {
        let slot = e.batches.get(b.batch_size);
        if (!slot) e.batches.set(b.batch_size, (slot = {}));
        addInto(slot, b);
      }
    }
  }
  return {
    model_stats: [...entries.values()].map(({ batches, ...e }) => ({
      ...e,
      batch_stats: [...batches].sort(([a], [b]) => a - b).map(([batch_size, d]) => ({ batch_size, ...d })),
    })),
  };
}
