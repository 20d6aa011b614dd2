import type { AnalysisSpec } from './analysis';

export interface CanaryStep {
  weightPct: number;
  /** Absent: the step waits for a person to resume or promote. */
  pauseSeconds?: number;
}

interface CommonSpec {
  analysis: AnalysisSpec | null;
  /** The candidate must be ready within this, or the rollout aborts. */
  readyTimeoutSeconds: number;
}

export type RolloutSpec =
  | (CommonSpec & { strategy: 'shadow'; mirrorPct: number; tolerance: { atol: number; rtol: number } })
  | (CommonSpec & { strategy: 'canary'; steps: CanaryStep[]; stickyHeader: string })
  | (CommonSpec & { strategy: 'blue-green'; autoPromotionSeconds?: number; scaleDownDelaySeconds: number });

/** Timers and counters the controller persists, so a restart resumes where it was. */
export interface RolloutProgress {
  startedAtMs: number;
  stepStartedAtMs: number;
  lastCheckAtMs: number;
  failedChecks: number;
  /** Verdict of the latest check in the current step (undefined: none yet). */
  lastVerdict?: 'pass' | 'fail' | 'inconclusive';
  /** After promotion: when the previous stable version may be stopped. */
  scaleDownAtMs?: number;
  /** The previous version has been let go (recorded once). */
  scaledDown?: boolean;
}
