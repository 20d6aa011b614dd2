import { describe, expect, it } from 'vitest';
import { endpointStatus } from './endpoint-status';

describe('endpointStatus', () => {
  it.each([
    ['quiet and ready is healthy', { errorRatePct: null, readyReplicas: 1, rollingOut: false }, 'healthy', null],
    ['1 % errors is still healthy', { errorRatePct: 1, readyReplicas: 2, rollingOut: false }, 'healthy', null],
    ['more than 1 % errors degrades', { errorRatePct: 1.5, readyReplicas: 2, rollingOut: false }, 'degraded', 'error rate 1.5 %'],
    ['no ready replica degrades', { errorRatePct: 0, readyReplicas: 0, rollingOut: false }, 'degraded', 'no ready replica'],
    ['an endpoint scaled to zero on purpose is healthy', { errorRatePct: null, readyReplicas: 0, rollingOut: false, desiredReplicas: 0 }, 'healthy', null],
    ['a starting replica of an autoscaled endpoint degrades', { errorRatePct: null, readyReplicas: 0, rollingOut: false, desiredReplicas: 1 }, 'degraded', 'no ready replica'],
    ['an active rollout shows', { errorRatePct: 0, readyReplicas: 1, rollingOut: true }, 'rolling-out', 'rollout in progress'],
    ['degraded wins over rolling out', { errorRatePct: 5, readyReplicas: 1, rollingOut: true }, 'degraded', 'error rate 5.0 %'],
  ] as const)('%s', (_, input, status, reason) => {
    expect(endpointStatus(input)).toEqual({ status, statusReason: reason });
  });
});
