import { describe, expect, it } from 'vitest';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import type { Endpoint } from '../../../../_lib/types';
import { versionDeployments } from './deployments';

function endpoint(name: string, model: string, version: number): Endpoint {
  return { name, model, version, config: {} as Endpoint['config'], createdBy: 'a', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
}

function rollout(id: number, over: Partial<Rollout>): Rollout {
  return {
    id,
    endpoint: 'ep',
    model: 'm',
    candidateVersion: 2,
    stableVersion: 1,
    strategy: 'canary',
    spec: {},
    phase: 'succeeded',
    reason: '',
    message: '',
    currentStep: 0,
    weightPct: 0,
    checks: [],
    failedChecks: 0,
    shadow: null,
    startedBy: 'a',
    createdAt: `2026-01-0${id}T00:00:00.000Z`,
    updatedAt: `2026-01-0${id}T00:00:00.000Z`,
    finishedAt: null,
    scaleDownAt: null,
    ...over,
  };
}

describe('versionDeployments', () => {
  const endpoints = [endpoint('b-ep', 'm', 1), endpoint('a-ep', 'm', 1), endpoint('other', 'x', 1), endpoint('c-ep', 'm', 2)];

  it('lists the endpoints serving each version as stable, sorted, and ignores other models', () => {
    const result = versionDeployments('m', [1, 2, 3], endpoints, []);
    expect(result.map((d) => [d.version, d.stableOn])).toEqual([
      [3, []],
      [2, ['c-ep']],
      [1, ['a-ep', 'b-ep']],
    ]);
  });

  it('puts rollouts in the history of their candidate version, newest first; only active ones count as candidate', () => {
    const rollouts = [
      rollout(1, { candidateVersion: 2, phase: 'aborted', strategy: 'shadow' }),
      rollout(3, { candidateVersion: 2, phase: 'progressing', weightPct: 25 }),
      rollout(2, { candidateVersion: 3, phase: 'succeeded', strategy: 'blue-green' }),
      rollout(4, { candidateVersion: 2, model: 'x' }),
    ];
    const [v3, v2, v1] = versionDeployments('m', [1, 2, 3], endpoints, rollouts);
    expect(v2?.history.map((r) => r.id)).toEqual([3, 1]);
    expect(v2?.candidateOn.map((r) => r.id)).toEqual([3]);
    expect(v3?.history.map((r) => r.id)).toEqual([2]);
    expect(v3?.candidateOn).toEqual([]);
    expect(v1?.history).toEqual([]);
  });
});
