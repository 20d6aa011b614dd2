/** An overview row's status: degraded wins over rolling-out, because on-call must see it first. */
import type { EndpointStatus } from './schemas';

/** Errors above this share of requests (5xx, over the overview window) degrade an endpoint. */
export const DEGRADED_ERROR_RATE_PCT = 1;

export interface StatusInput {
  errorRatePct: number | null;
  readyReplicas: number;
  rollingOut: boolean;
  /** Scaled to zero on purpose (autoscaling): no ready replica is then not an outage. */
  desiredReplicas?: number;
}

export function endpointStatus(s: StatusInput): { status: EndpointStatus; statusReason: string | null } {
  if (s.readyReplicas === 0 && s.desiredReplicas === 0) return { status: 'healthy', statusReason: null };
  if (s.readyReplicas === 0) return { status: 'degraded', statusReason: 'no ready replica' };
  if (s.errorRatePct !== null && s.errorRatePct > DEGRADED_ERROR_RATE_PCT) {
    return { status: 'degraded', statusReason: `error rate ${s.errorRatePct.toFixed(1)} %` };
  }
  if (s.rollingOut) return { status: 'rolling-out', statusReason: 'rollout in progress' };
  return { status: 'healthy', statusReason: null };
}
