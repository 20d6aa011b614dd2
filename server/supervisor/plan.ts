/**
 * Reconcile planning for runtime replicas: compares the replicas that should run with the
 * processes that do, and says which to start and which to stop. Pure; the supervisor shell
 * carries the actions out and calls again on every change or tick.
 *
 * A config change replaces replicas one at a time per endpoint version (surge one, wait until it
 * is ready, then stop the old one), so serving capacity never drops below the replica count.
 */
export interface DesiredSlot {
  /** `<endpoint>/v<version>/r<replica>`: one replica position. */
  key: string;
  endpoint: string;
  version: number;
  replica: number;
  configHash: string;
}

export type InstanceState = 'starting' | 'ready' | 'stopping';

export interface ObservedInstance {
  id: string;
  key: string;
  configHash: string;
  state: InstanceState;
}

export interface SlotBackoff {
  /** No start before this time (after a crash). */
  notBeforeMs: number;
}

export type Action =
  | { kind: 'start'; slot: DesiredSlot }
  | { kind: 'stop'; instanceId: string; reason: 'unwanted' | 'replaced' | 'outdated' };

export function slotKey(endpoint: string, version: number, replica: number): string {
  return `${endpoint}/v${version}/r${replica}`;
}

function groupOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

export function planReconcile(
  desired: readonly DesiredSlot[],
  observed: readonly ObservedInstance[],
  backoff: ReadonlyMap<string, SlotBackoff>,
  nowMs: number,
): Action[] {
  const actions: Action[] = [];
  const live = observed.filter((i) => i.state !== 'stopping');
  const byKey = new Map<string, ObservedInstance[]>();
  for (const inst of live) byKey.set(inst.key, [...(byKey.get(inst.key) ?? []), inst]);

  const wanted = new Set(desired.map((s) => s.key));
  for (const inst of live) if (!wanted.has(inst.key)) actions.push({ kind: 'stop', instanceId: inst.id, reason: 'unwanted' });

  // A group (endpoint version) is mid-roll while any of its slots runs an old and a new process.
  const rolling = new Set<string>();
  for (const slot of desired) {
    const insts = byKey.get(slot.key) ?? [];
    if (insts.some((i) => i.configHash === slot.configHash) && insts.some((i) => i.configHash !== slot.configHash)) rolling.add(groupOf(slot.key));
  }

  for (const slot of desired) {
    const insts = byKey.get(slot.key) ?? [];
    const current = insts.filter((i) => i.configHash === slot.configHash);
    const outdated = insts.filter((i) => i.configHash !== slot.configHash);

    if (insts.length === 0) {
      if ((backoff.get(slot.key)?.notBeforeMs ?? 0) <= nowMs) actions.push({ kind: 'start', slot });
      continue;
    }
    if (current.length > 0) {
      // Extra processes of the current config (a race) and old ones once the new one serves.
      const [keep, ...extra] = [...current].sort((a, b) => Number(b.state === 'ready') - Number(a.state === 'ready'));
      for (const e of extra) actions.push({ kind: 'stop', instanceId: e.id, reason: 'replaced' });
      if (keep!.state === 'ready') for (const o of outdated) actions.push({ kind: 'stop', instanceId: o.id, reason: 'replaced' });
      continue;
    }
    // Only outdated processes: one that never became ready carries no traffic, replace it at once.
    const readyOld = outdated.filter((o) => o.state === 'ready');
    if (readyOld.length === 0) {
      for (const o of outdated) actions.push({ kind: 'stop', instanceId: o.id, reason: 'outdated' });
      actions.push({ kind: 'start', slot });
    } else if (!rolling.has(groupOf(slot.key))) {
      rolling.add(groupOf(slot.key));
      actions.push({ kind: 'start', slot });
    }
  }
  return actions;
}
