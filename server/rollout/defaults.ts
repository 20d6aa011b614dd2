/**
 * Rollout defaults as plain data, without zod, so the dashboard's form can import them without
 * bundling the schemas; `schemas.ts` builds its defaults from the same object.
 */
export const ANALYSIS_DEFAULTS = {
  intervalSeconds: 10,
  minRequests: 20,
  maxErrorRatePct: 1,
  maxP99LatencyRatio: 1.5,
  p99SlackMs: 5,
  minAgreementPct: 95,
  failureLimit: 1,
};
