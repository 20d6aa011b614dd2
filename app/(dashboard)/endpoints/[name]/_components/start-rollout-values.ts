/**
 * The "Start rollout" form's state and its translation into the API's start body. Inputs hold
 * text (what the user typed); the server validates, and its issue paths (`steps.1.weightPct`)
 * match the body built here, so errors land beside the right input.
 */
import { ANALYSIS_DEFAULTS } from '../../../../../server/rollout/defaults';
import type { StartRolloutBody } from '../../../../_lib/queries/rollouts';

export type { StartRolloutBody };
export type Strategy = StartRolloutBody['strategy'];
export const STRATEGIES: readonly Strategy[] = ['canary', 'blue-green', 'shadow'];

/** The server's defaults (zod-free module, safe in the browser bundle). */
export const ANALYSIS_FORM_DEFAULTS = ANALYSIS_DEFAULTS;
export type AnalysisKey = keyof typeof ANALYSIS_FORM_DEFAULTS;
export const ANALYSIS_KEYS = Object.keys(ANALYSIS_FORM_DEFAULTS) as AnalysisKey[];

export interface StepValues {
  weightPct: string;
  /** Empty: the step waits for a person. */
  pauseSeconds: string;
}

export interface RolloutFormValues {
  version: string;
  strategy: Strategy;
  steps: StepValues[];
  autoPromotionSeconds: string;
  scaleDownDelaySeconds: string;
  mirrorPct: string;
  atol: string;
  rtol: string;
  analysisEnabled: boolean;
  analysis: Record<AnalysisKey, string>;
}

export function defaultFormValues(version = ''): RolloutFormValues {
  return {
    version,
    strategy: 'canary',
    steps: [
      { weightPct: '10', pauseSeconds: '30' },
      { weightPct: '50', pauseSeconds: '30' },
      { weightPct: '100', pauseSeconds: '' },
    ],
    autoPromotionSeconds: '',
    scaleDownDelaySeconds: '600',
    mirrorPct: '100',
    atol: '0.0001',
    rtol: '0.001',
    analysisEnabled: true,
    analysis: Object.fromEntries(ANALYSIS_KEYS.map((k) => [k, String(ANALYSIS_FORM_DEFAULTS[k])])) as Record<AnalysisKey, string>,
  };
}

/** Empty text is "not given"; anything else goes as a number (NaN becomes null: the server says why). */
function num(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** A required number: sent even when empty, so the server reports the field instead of defaulting it. */
function required(text: string): number {
  return num(text) ?? Number.NaN;
}

function analysisOf(values: RolloutFormValues) {
  if (!values.analysisEnabled) return null;
  return Object.fromEntries(ANALYSIS_KEYS.map((k) => [k, required(values.analysis[k])])) as Record<AnalysisKey, number>;
}

export function startBodyOf(values: RolloutFormValues): StartRolloutBody {
  const version = required(values.version);
  const analysis = analysisOf(values);
  switch (values.strategy) {
    case 'canary':
      return {
        strategy: 'canary',
        version,
        steps: values.steps.map((s) => {
          const pauseSeconds = num(s.pauseSeconds);
          return pauseSeconds === undefined ? { weightPct: required(s.weightPct) } : { weightPct: required(s.weightPct), pauseSeconds };
        }),
        analysis,
      };
    case 'blue-green': {
      const autoPromotionSeconds = num(values.autoPromotionSeconds);
      return {
        strategy: 'blue-green',
        version,
        scaleDownDelaySeconds: required(values.scaleDownDelaySeconds),
        ...(autoPromotionSeconds === undefined ? {} : { autoPromotionSeconds }),
        analysis,
      };
    }
    case 'shadow':
      return {
        strategy: 'shadow',
        version,
        mirrorPct: required(values.mirrorPct),
        tolerance: { atol: required(values.atol), rtol: required(values.rtol) },
        analysis,
      };
  }
}

/**
 * What the server will reject in the steps, said before submitting: weights strictly increase
 * and stay within 0–100. Keyed by the same issue path the server uses.
 */
export function stepHints(steps: StepValues[]): Record<string, string> {
  const hints: Record<string, string> = {};
  steps.forEach((step, i) => {
    const weight = num(step.weightPct);
    if (weight === undefined || !Number.isInteger(weight) || weight < 0 || weight > 100) {
      hints[`steps.${i}.weightPct`] = 'a whole percentage from 0 to 100';
      return;
    }
    const previous = i > 0 ? num(steps[i - 1]!.weightPct) : undefined;
    if (previous !== undefined && weight <= previous) hints[`steps.${i}.weightPct`] = `must be above step ${i} (${previous}%)`;
  });
  return hints;
}
