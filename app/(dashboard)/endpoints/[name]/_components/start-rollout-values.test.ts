import { describe, expect, it } from 'vitest';
import { ANALYSIS_DEFAULTS, StartRolloutInput } from '../../../../../server/rollout/schemas';
import { defaultFormValues, startBodyOf, stepHints, type RolloutFormValues } from './start-rollout-values';

/** Issue paths as the API envelope joins them. */
function issuePaths(values: RolloutFormValues): string[] {
  const parsed = StartRolloutInput.safeParse(startBodyOf(values));
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
}

describe('start rollout form values', () => {
  it.each(['canary', 'blue-green', 'shadow'] as const)('builds a %s body that the server schema accepts as is', (strategy) => {
    const values = { ...defaultFormValues('2'), strategy };
    expect(issuePaths(values)).toEqual([]);
    expect(StartRolloutInput.parse(startBodyOf(values)).strategy).toBe(strategy);
  });

  it('sends a canary step without pause as one that waits for a person', () => {
    const body = startBodyOf(defaultFormValues('2'));
    expect(body).toMatchObject({ strategy: 'canary', version: 2, steps: [{ weightPct: 10, pauseSeconds: 30 }, { weightPct: 50, pauseSeconds: 30 }, { weightPct: 100 }] });
    expect(body.strategy === 'canary' && 'pauseSeconds' in body.steps[2]!).toBe(false);
  });

  it('sends analysis null when the checkbox is off, and every threshold as a number when on', () => {
    const off = startBodyOf({ ...defaultFormValues('2'), analysisEnabled: false });
    expect(off.analysis).toBeNull();
    const on = startBodyOf({ ...defaultFormValues('2'), analysis: { ...defaultFormValues().analysis, minRequests: '5' } });
    expect(on.analysis).toEqual({ ...ANALYSIS_DEFAULTS, minRequests: 5 });
  });

  it('omits an empty blue-green auto-promotion and keeps a given one', () => {
    const base = { ...defaultFormValues('3'), strategy: 'blue-green' as const };
    expect(startBodyOf(base)).not.toHaveProperty('autoPromotionSeconds');
    expect(startBodyOf({ ...base, autoPromotionSeconds: '45' })).toMatchObject({ autoPromotionSeconds: 45, scaleDownDelaySeconds: 600 });
  });

  it('builds shadow tolerance from atol and rtol', () => {
    const body = startBodyOf({ ...defaultFormValues('2'), strategy: 'shadow', mirrorPct: '25', atol: '0.01', rtol: '0' });
    expect(body).toMatchObject({ mirrorPct: 25, tolerance: { atol: 0.01, rtol: 0 } });
  });

  it.each([
    ['a non-increasing weight', { weightPct: '10', pauseSeconds: '' }, 'steps.1.weightPct'],
    ['an empty weight', { weightPct: '', pauseSeconds: '5' }, 'steps.1.weightPct'],
    ['a weight over 100', { weightPct: '101', pauseSeconds: '' }, 'steps.1.weightPct'],
  ])('lets the server name the input for %s, at the path the form shows it', (_case, step, path) => {
    const values = { ...defaultFormValues('2'), steps: [{ weightPct: '10', pauseSeconds: '5' }, step] };
    expect(issuePaths(values)).toContain(path);
    expect(stepHints(values.steps)).toHaveProperty([path]);
  });

  it('an empty version is reported, not defaulted', () => {
    expect(issuePaths(defaultFormValues(''))).toContain('version');
  });

  it('gives no hints for increasing weights within 0–100', () => {
    expect(stepHints(defaultFormValues().steps)).toEqual({});
  });
});
