/**
 * The autoscaling decision for one endpoint: figures over the look-back window in, the replica
 * count the stable version should run and why out. Pure (time is `nowMs`); the autoscaler shell
 * gathers the figures, keeps the returned history and writes what it is given.
 *
 * Stabilisation follows Kubernetes' HPA windows: each tick yields a raw recommendation; a scale-up
 * goes to the *lowest* recommendation of the last `upscaleDelaySeconds` (so a shorter spike never
 * scales), a scale-down to the *highest* of the last `downscaleDelaySeconds` (so it never flaps).
 * Neither window acts before the autoscaler has watched for its whole length (after a restart it
 * keeps the persisted count). The last replica stops only after `downscaleDelaySeconds` without a
 * request; a request held at the gateway with no replica starts one at once.
 */
import type { ScaleReason } from './defaults';
import type { AutoscalingPolicy } from './schemas';

export interface ScaleFigures {
  /**
   * The metric over the look-back: for `inflight` and `queue` the endpoint's total (summed over
   * replicas, averaged over time), for `p99` the stable version's p99 in ms; null when no figures.
   */
  load: number | null;
  /** Milliseconds since the endpoint last saw a request (or since watching began). */
  idleMs: number;
  /** Requests the gateway holds now for want of a ready replica. */
  held: number;
}

export interface Recommendation {
  atMs: number;
  replicas: number;
}

export interface ScaleInput {
  policy: AutoscalingPolicy;
  /** The count decided last (what the supervisor runs toward). */
  current: number;
  /** Ready replicas of the stable version. */
  ready: number;
  figures: ScaleFigures;
  /** Earlier raw recommendations, oldest first (what the last decision returned). */
  history: readonly Recommendation[];
  /** When the autoscaler began watching this endpoint under this policy. */
  watchingSinceMs: number;
  /** Most replicas the host budget lets this endpoint's stable version run (Infinity: no limit). */
  allowed: number;
  nowMs: number;
}

export interface ScaleDecision {
  replicas: number;
  reason: ScaleReason;
  /** This tick's raw recommendation. */
  recommendation: number;
  history: Recommendation[];
  /** Set when the budget keeps the endpoint below the count its load asks for. */
  heldBack?: { wantedReplicas: number; allowedReplicas: number };
}

/** Within this share of the target, the load counts as on target (no change): HPA's tolerance. */
export const TOLERANCE = 0.1;

/** What the load alone asks for, within the policy's bounds and never below one replica. */
export function recommend(policy: AutoscalingPolicy, current: number, ready: number, load: number | null): number {
  const floor = Math.max(1, policy.minReplicas);
  const clamp = (n: number) => Math.min(policy.maxReplicas, Math.max(floor, n));
  if (load === null) return clamp(policy.metric === 'p99' ? current : 0);
  const basis = Math.max(1, ready);
  // Per replica for the count metrics; the latency itself for p99 (which grows as replicas shrink).
  const ratio = policy.metric === 'p99' ? load / policy.target : load / basis / policy.target;
  if (Math.abs(ratio - 1) <= TOLERANCE) return clamp(current);
  if (policy.metric === 'p99') return clamp(Math.ceil(basis * Math.min(ratio, 2)));
  return clamp(Math.ceil(load / policy.target));
}

export function decideScale(input: ScaleInput): ScaleDecision {
  const { policy, current, figures, nowMs } = input;
  const recommendation = recommend(policy, current, input.ready, figures.load);
  const keepMs = Math.max(policy.upscaleDelaySeconds, policy.downscaleDelaySeconds) * 1000;
  const history = [...input.history.filter((r) => r.atMs > nowMs - keepMs), { atMs: nowMs, replicas: recommendation }];
  const watchedMs = nowMs - input.watchingSinceMs;
  const allowed = Math.max(0, input.allowed);
  const result = (replicas: number, reason: ScaleReason, wanted?: number): ScaleDecision => ({
    replicas,
    reason,
    recommendation,
    history,
    ...(wanted !== undefined && wanted > replicas && { heldBack: { wantedReplicas: wanted, allowedReplicas: allowed } }),
  });
  // The budget caps growth only: it never stops a replica that already serves.
  const grow = (wanted: number, reason: ScaleReason) => (wanted <= allowed ? result(wanted, reason) : result(Math.max(current, allowed), 'at-capacity', wanted));

  if (current === 0) {
    if (figures.held > 0 || figures.idleMs < 1000 || policy.minReplicas > 0) return grow(Math.max(1, policy.minReplicas), policy.minReplicas > 0 && figures.held === 0 ? 'policy' : 'cold-start');
    return result(0, 'steady');
  }
  if (current > policy.maxReplicas) return result(policy.maxReplicas, 'policy');
  if (current < policy.minReplicas) return grow(policy.minReplicas, 'policy');
  if (policy.minReplicas === 0 && figures.held === 0 && figures.idleMs >= policy.downscaleDelaySeconds * 1000 && watchedMs >= policy.downscaleDelaySeconds * 1000) {
    return result(0, 'idle');
  }

  const within = (seconds: number) => history.filter((r) => r.atMs > nowMs - seconds * 1000 || r.atMs === nowMs).map((r) => r.replicas);
  const up = Math.min(...within(policy.upscaleDelaySeconds));
  if (up > current) {
    if (watchedMs < policy.upscaleDelaySeconds * 1000) return result(current, 'steady');
    return grow(up, 'load');
  }
  const down = Math.max(...within(policy.downscaleDelaySeconds));
  if (down < current && watchedMs >= policy.downscaleDelaySeconds * 1000) return result(down, 'load');
  // Steady, but say so when the budget is what keeps a rising load from being met.
  return recommendation > current && recommendation > allowed ? result(current, 'at-capacity', recommendation) : result(current, 'steady');
}
