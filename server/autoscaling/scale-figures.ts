/**
 * The figures a scaling decision reads, from the live store's last seconds. Pure over the rows.
 * - `inflight`: the mean number of requests in flight at the gateway (Little's law: the summed
 *   latency of the requests answered in the window over the window's length), all versions.
 * - `queue`: the runtimes' sampled queue depth (queued or running), summed over the stable
 *   version's replicas, averaged over the seconds that reported.
 * - `p99`: the stable version's p99 over the window, in ms (null without traffic).
 */
import type { LiveStore } from '../metrics/live-store';
import { addSparse, summarizeCounts, type LatencyCounts } from '../metrics/latency-counts';
import type { AutoscalingMetric } from './defaults';

export interface LoadFigures {
  load: number | null;
  /** When the endpoint last answered a request in the window (null: none). */
  lastRequestAtMs: number | null;
}

export function loadFigures(live: LiveStore, endpoint: string, stableVersion: number, metric: AutoscalingMetric, lookbackSeconds: number, nowMs: number): LoadFigures {
  const fromMs = nowMs - lookbackSeconds * 1000;
  const traffic = live.traffic(endpoint, fromMs, nowMs).filter((t) => t.route !== 'shadow');
  let lastRequestAtMs: number | null = null;
  for (const t of traffic) if (t.requests > 0) lastRequestAtMs = Math.max(lastRequestAtMs ?? 0, t.atMs);

  if (metric === 'inflight') {
    // Only time the store has seen counts as the window: a fresh store does not dilute the mean.
    const windowMs = Math.min(lookbackSeconds * 1000, Math.max(1000, nowMs - live.dataStartMs(nowMs)));
    let busyUs = 0;
    for (const t of traffic) for (let i = 0; i < t.latency.length; i += 2) busyUs += t.latency[i]! * t.latency[i + 1]!;
    return { load: busyUs / 1000 / windowMs, lastRequestAtMs };
  }
  if (metric === 'queue') {
    const bySecond = new Map<number, number>();
    for (const r of live.runtime(endpoint, fromMs, nowMs)) {
      if (r.version !== stableVersion) continue;
      const second = Math.floor(r.atMs / 1000);
      bySecond.set(second, (bySecond.get(second) ?? 0) + r.stats.queueDepth);
    }
    const sums = [...bySecond.values()];
    return { load: sums.length > 0 ? sums.reduce((a, b) => a + b, 0) / sums.length : null, lastRequestAtMs };
  }
  const counts: LatencyCounts = new Map();
  for (const t of traffic) if (t.version === stableVersion) addSparse(counts, t.latency);
  return { load: summarizeCounts(counts)?.p99Ms ?? null, lastRequestAtMs };
}
