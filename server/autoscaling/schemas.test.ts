import { describe, expect, it } from 'vitest';
import { mergeConfig } from '../endpoints/update-endpoint';
import { RuntimeConfig, RuntimeConfigPatch } from '../endpoints/schemas';
import { AppError } from '../errors';
import { AutoscalingPolicy } from './schemas';

const ok = { minReplicas: 1, maxReplicas: 4, metric: 'inflight', target: 4 };

describe('AutoscalingPolicy', () => {
  it('applies the delays and look-back defaults', () => {
    expect(AutoscalingPolicy.parse(ok)).toEqual({ ...ok, upscaleDelaySeconds: 10, downscaleDelaySeconds: 120, lookbackSeconds: 30 });
  });

  it.each([
    ['min 0 (scale to zero)', { ...ok, minReplicas: 0 }, true],
    ['min equal to max', { ...ok, minReplicas: 4 }, true],
    ['p99 of 250 ms', { ...ok, metric: 'p99', target: 250 }, true],
    ['fractional in-flight target', { ...ok, target: 0.5 }, true],
    ['min above max', { ...ok, minReplicas: 5 }, false],
    ['max 0', { ...ok, minReplicas: 0, maxReplicas: 0 }, false],
    ['max above 16', { ...ok, maxReplicas: 17 }, false],
    ['negative target', { ...ok, target: -1 }, false],
    ['zero target', { ...ok, target: 0 }, false],
    ['absurd in-flight target', { ...ok, target: 50_000 }, false],
    ['absurd p99 target', { ...ok, metric: 'p99', target: 1e9 }, false],
    ['unknown metric', { ...ok, metric: 'cpu' }, false],
    ['unknown field', { ...ok, cooldown: 5 }, false],
    ['negative delay', { ...ok, upscaleDelaySeconds: -1 }, false],
    ['zero look-back', { ...ok, lookbackSeconds: 0 }, false],
  ])('%s', (_name, input, valid) => {
    expect(AutoscalingPolicy.safeParse(input).success).toBe(valid);
  });

  it('names the field at fault', () => {
    const r = AutoscalingPolicy.safeParse({ ...ok, minReplicas: 5 });
    expect(r.error?.issues[0]).toMatchObject({ path: ['minReplicas'], message: 'minReplicas 5 exceeds maxReplicas 4' });
  });
});

describe('config.autoscaling in a patch', () => {
  const base = RuntimeConfig.parse({ replicas: 2 });
  it('sets the whole policy, and null removes it', () => {
    const on = mergeConfig(base, RuntimeConfigPatch.parse({ autoscaling: ok }));
    expect(on.autoscaling).toMatchObject(ok);
    const off = mergeConfig(on, RuntimeConfigPatch.parse({ autoscaling: null }));
    expect(off.autoscaling).toBeUndefined();
    expect(off.replicas).toBe(2);
  });

  it('leaves the policy alone when the patch does not name it', () => {
    const on = mergeConfig(base, { autoscaling: AutoscalingPolicy.parse(ok) });
    expect(mergeConfig(on, { maxBatchSize: 8 }).autoscaling).toMatchObject(ok);
  });

  it('a bad policy is a VALIDATION error naming config.autoscaling', () => {
    const bad = RuntimeConfigPatch.safeParse({ autoscaling: { ...ok, minReplicas: 9 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['autoscaling', 'minReplicas']);
    expect(() => mergeConfig(base, { autoscaling: { ...ok, minReplicas: 9 } as never })).toThrow(AppError);
  });
});
