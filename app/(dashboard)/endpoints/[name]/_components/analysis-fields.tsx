'use client';
import { NumberField } from './number-field';
import type { AnalysisKey } from './start-rollout-values';

const LABELS: Record<AnalysisKey, string> = {
  intervalSeconds: 'Check interval (s)',
  minRequests: 'Min candidate requests',
  maxErrorRatePct: 'Max error rate (%)',
  maxP99LatencyRatio: 'Max p99 latency ratio',
  p99SlackMs: 'p99 slack (ms)',
  minAgreementPct: 'Min shadow agreement (%)',
  failureLimit: 'Failed checks tolerated',
};

/** Thresholds of the periodic candidate-vs-stable checks; off means steps advance on timers alone. */
export function AnalysisFields(props: {
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  values: Record<AnalysisKey, string>;
  onChange: (values: Record<AnalysisKey, string>) => void;
  error: unknown;
}) {
  return (
    <fieldset className="plain">
      <legend>Analysis</legend>
      <label className="checkbox">
        <input type="checkbox" checked={props.enabled} onChange={(e) => props.onEnabledChange(e.target.checked)} />
        Run analysis checks
      </label>
      {props.enabled ? (
        <div className="field-row">
          {(Object.keys(LABELS) as AnalysisKey[]).map((key) => (
            <NumberField
              key={key}
              id={`analysis-${key}`}
              label={LABELS[key]}
              path={`analysis.${key}`}
              value={props.values[key]}
              onChange={(value) => props.onChange({ ...props.values, [key]: value })}
              error={props.error}
            />
          ))}
        </div>
      ) : (
        <p className="muted flush">Without analysis, steps advance on their timers alone and too few requests never hold a rollout back.</p>
      )}
    </fieldset>
  );
}
