/** Pure display of the overview's live figures: fixed decimals, units, an em dash for "no data". */
import type { EndpointOverview } from '../../_lib/queries/metrics';

const NONE = '—';

/** Two significant-ish digits at low rates, whole numbers once they are large. */
export function formatRps(rps: number): string {
  return rps >= 100 ? rps.toFixed(0) : rps.toFixed(1);
}

export function formatMs(ms: number | null): string {
  if (ms === null) return NONE;
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}

export function formatPct(pct: number | null): string {
  return pct === null ? NONE : pct.toFixed(1);
}

/** The API sends cache hits as a 0..1 ratio; the table shows percent. */
export const formatRatioPct = (ratio: number | null) => formatPct(ratio === null ? null : ratio * 100);

export const STATUS_LABEL: Record<EndpointOverview['status'], string> = {
  healthy: 'healthy',
  degraded: 'degraded',
  'rolling-out': 'rolling out',
};

/** `canary v2 · progressing · 25 %`; a shadow only mirrors, so it shows no weight. */
export function rolloutSummary(rollout: EndpointOverview['rollout']): string {
  if (!rollout) return NONE;
  const head = `${rollout.strategy} v${rollout.candidateVersion} · ${rollout.phase}`;
  return rollout.strategy === 'shadow' ? head : `${head} · ${rollout.weightPct} %`;
}
