import type { ReplicaAddress } from './routing-table';

/**
 * Least outstanding requests, ties broken by a rotating offset so equal replicas share load.
 * `exclude` holds replicas that already failed this request (retry goes elsewhere).
 */
export function pickReplica(
  replicas: readonly ReplicaAddress[],
  outstanding: ReadonlyMap<string, number>,
  rotation: number,
  exclude: ReadonlySet<string> = new Set(),
): ReplicaAddress | undefined {
  let best: ReplicaAddress | undefined;
  let bestLoad = Infinity;
  const n = replicas.length;
  for (let i = 0; i < n; i++) {
    const replica = replicas[(i + rotation) % n]!;
    if (exclude.has(replica.id)) continue;
    const load = outstanding.get(replica.id) ?? 0;
    if (load < bestLoad) {
      best = replica;
      bestLoad = load;
    }
  }
  return best;
}
