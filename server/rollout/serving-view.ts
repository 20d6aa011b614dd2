/**
 * What rollouts mean for serving, from their persisted rows: routing overlays (canary weight,
 * blue-green preview, shadow mirror) and the versions that must run besides stable. Pure.
 */
import type { RouteOverlay } from '../serving/build-routing-table';
import type { ExtraVersion } from '../supervisor/desired-state';
import { isActivePhase, isRoutedPhase, type RolloutPhase } from '../../protocol/rollout-vocabulary';
import type { RolloutProgress, RolloutSpec } from './spec';

export interface RolloutView {
  id: number;
  endpoint: string;
  /** The stable version's replica count (the autoscaler's, when the endpoint has a policy). */
  replicas: number;
  /** The endpoint has an autoscaling policy: a canary's replicas follow its current traffic share. */
  autoscaled?: boolean;
  phase: RolloutPhase;
  weightPct: number;
  spec: RolloutSpec;
  progress: RolloutProgress;
  candidateVersion: number;
  candidateVersionId: number;
  stableVersionId: number;
}


export function overlayOf(v: RolloutView): RouteOverlay | undefined {
  if (!isRoutedPhase(v.phase)) return undefined;
  switch (v.spec.strategy) {
    case 'canary':
      return { canary: { version: v.candidateVersion, weightPct: v.weightPct, stickyHeader: v.spec.stickyHeader } };
    case 'blue-green':
      return { preview: { version: v.candidateVersion } };
    case 'shadow':
      return { shadow: { version: v.candidateVersion, mirrorPct: v.spec.mirrorPct, atol: v.spec.tolerance.atol, rtol: v.spec.tolerance.rtol } };
  }
}

/**
 * Candidate replicas: blue-green runs a full standby; canary and shadow scale with their largest
 * share, or, under autoscaling, a canary with its current share (Argo's matchTrafficWeight); at least one.
 */
export function candidateReplicas(v: RolloutView): number {
  const spec = v.spec;
  if (spec.strategy === 'blue-green') return Math.max(1, v.replicas);
  const share = spec.strategy === 'canary' ? (v.autoscaled ? v.weightPct : Math.max(...spec.steps.map((s) => s.weightPct))) : spec.mirrorPct;
  return Math.max(1, Math.ceil((v.replicas * share) / 100));
}

export function extraVersionsOf(v: RolloutView, nowMs: number): ExtraVersion[] {
  if (isActivePhase(v.phase)) return [{ endpoint: v.endpoint, versionId: v.candidateVersionId, replicas: candidateReplicas(v) }];
  // After promotion the previous stable stays warm until its scale-down time: instant rollback.
  if (v.phase === 'succeeded' && (v.progress.scaleDownAtMs ?? 0) > nowMs) return [{ endpoint: v.endpoint, versionId: v.stableVersionId, replicas: v.replicas }];
  return [];
}
