import { describe, expect, it } from 'vitest';
import type { ScalingStatus } from '../../../../../_lib/queries/scaling';
import { capacitySentence, eventSentence, policyFormValues, policyOf, replicaRows } from './policy-values';

const status = (over: Partial<ScalingStatus>): ScalingStatus => ({
  endpoint: 'ep',
  policy: null,
  desiredReplicas: 1,
  readyReplicas: 1,
  reason: 'steady',
  metricValue: null,
  heldBack: null,
  lastColdStartMs: null,
  samples: [],
  events: [],
  ...over,
});

describe('policy form values', () => {
  it('start from the defaults for an endpoint without a policy, and round-trip a policy', () => {
    const v = policyFormValues(null, 3);
    expect(v).toMatchObject({ minReplicas: '1', maxReplicas: '3', metric: 'inflight', upscaleDelaySeconds: '10', downscaleDelaySeconds: '120', lookbackSeconds: '30' });
    const p = { minReplicas: 0, maxReplicas: 4, metric: 'p99' as const, target: 250, upscaleDelaySeconds: 5, downscaleDelaySeconds: 60, lookbackSeconds: 20 };
    expect(policyOf(policyFormValues(p, 1))).toEqual(p);
  });

  it('send what was typed, so the API names a bad field', () => {
    expect(policyOf({ ...policyFormValues(null, 1), minReplicas: '5', maxReplicas: '2' })).toMatchObject({ minReplicas: 5, maxReplicas: 2 });
  });
});

describe('capacitySentence', () => {
  it.each([
    ['nothing held back', status({}), null],
    [
      'cores only',
      status({ heldBack: { wantedReplicas: 4, allowedReplicas: 2, budgetCores: 3, usedCores: 3, coresPerReplica: 1, budgetGpus: 0, usedGpus: 0 } }),
      'At capacity: load asks for 4 replicas, the host budget allows 2 (3 of 3 cores in use, 1 per replica)',
    ],
    [
      'with GPUs',
      status({ heldBack: { wantedReplicas: 3, allowedReplicas: 1, budgetCores: 64, usedCores: 2, coresPerReplica: 1, budgetGpus: 2, usedGpus: 2 } }),
      'At capacity: load asks for 3 replicas, the host budget allows 1 (2 of 64 cores in use, 2 of 2 GPUs, 1 per replica)',
    ],
  ])('%s', (_n, s, want) => expect(capacitySentence(s)).toBe(want));
});

describe('replicaRows', () => {
  it('puts every version in every row and extends the last step to now', () => {
    const s = status({ samples: [{ t: 1, desiredReplicas: 1, ready: { '1': 1 } }, { t: 5, desiredReplicas: 2, ready: { '1': 1, '2': 1 } }] });
    expect(replicaRows(s, 9)).toEqual({
      versions: ['1', '2'],
      rows: [
        { t: 1, desired: 1, v1: 1, v2: 0 },
        { t: 5, desired: 2, v1: 1, v2: 1 },
        { t: 9, desired: 2, v1: 1, v2: 1 },
      ],
    });
  });

  it('no samples, no rows', () => {
    expect(replicaRows(status({}), 9)).toEqual({ versions: [], rows: [] });
  });
});

describe('eventSentence', () => {
  it.each([
    ['a scale-up with its figure', { t: 0, fromReplicas: 1, toReplicas: 2, reason: 'load' as const, metric: 'inflight' as const, value: 3.216, target: 1.5 }, '1 → 2 replicas: load (inflight 3.22 against a target of 1.5)'],
    ['a cold start without figures', { t: 0, fromReplicas: 0, toReplicas: 1, reason: 'cold-start' as const, metric: 'inflight' as const, value: null, target: 4 }, '0 → 1 replicas: cold-start'],
  ])('%s', (_n, e, want) => expect(eventSentence(e)).toBe(want));
});
