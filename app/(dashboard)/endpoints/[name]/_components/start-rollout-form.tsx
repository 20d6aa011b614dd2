'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../../_components/feedback';
import { Field } from '../../../../_components/ui/field';
import { versionsQuery } from '../../../../_lib/queries/models';
import { replicaKeys } from '../../../../_lib/queries/replicas';
import { rolloutKeys, startRollout } from '../../../../_lib/queries/rollouts';
import type { Endpoint } from '../../../../_lib/types';
import { AnalysisFields } from './analysis-fields';
import { CanaryStepsFields } from './canary-steps-fields';
import { NumberField } from './number-field';
import styles from './rollout.module.css';
import { defaultFormValues, startBodyOf, STRATEGIES, type RolloutFormValues, type Strategy } from './start-rollout-values';
import { FormActions } from '../../../../_components/ui/confirm-action';

const STRATEGY_LABELS: Record<Strategy, string> = { canary: 'Canary', 'blue-green': 'Blue-green', shadow: 'Shadow' };
/** Issue paths that an input below shows; the rest go to the alert. */
const FIELD_PATHS = ['version', 'steps', 'autoPromotionSeconds', 'scaleDownDelaySeconds', 'mirrorPct', 'tolerance', 'analysis'];

export function StartRolloutForm({ endpoint, onCancel, onStarted }: { endpoint: Endpoint; onCancel: () => void; onStarted: () => void }) {
  const queryClient = useQueryClient();
  const versions = useQuery(versionsQuery(endpoint.model));
  const candidates = versions.data?.items.filter((v) => v.status === 'ready' && v.version !== endpoint.version) ?? [];
  const [values, setValues] = useState<RolloutFormValues>(() => defaultFormValues());
  // Until the user picks, the newest candidate is proposed.
  const version = values.version || String(candidates[0]?.version ?? '');
  const set = (patch: Partial<RolloutFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const start = useMutation({
    mutationFn: () => startRollout(endpoint.name, startBodyOf({ ...values, version })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: rolloutKeys.list(endpoint.name) });
      await queryClient.invalidateQueries({ queryKey: replicaKeys.list(endpoint.name) });
      onStarted();
    },
  });
  const field = (id: string, label: string, key: 'autoPromotionSeconds' | 'scaleDownDelaySeconds' | 'mirrorPct' | 'atol' | 'rtol', path: string, placeholder?: string) => (
    <NumberField id={id} label={label} path={path} value={values[key]} placeholder={placeholder} onChange={(value) => set({ [key]: value })} error={start.error} />
  );

  return (
    <form
      className="stack"
      aria-label="Start rollout"
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate();
      }}
    >
      <Field id="rollout-version" label="Candidate version" path="version" error={start.error} className="narrow-field" note={`Stable is version ${endpoint.version}.`}>
        <select value={version} onChange={(e) => set({ version: e.target.value })} disabled={versions.isPending}>
          <option value="">{versions.isPending ? 'Loading…' : candidates.length ? 'Choose a version' : 'No other ready version'}</option>
          {candidates.map((v) => (
            <option key={v.version} value={String(v.version)}>
              {v.version}
              {v.description ? ` — ${v.description}` : ''}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="plain">
        <legend>Strategy</legend>
        <div className={styles.strategies}>
          {STRATEGIES.map((s) => (
            <label key={s} className="checkbox">
              <input type="radio" name="rollout-strategy" value={s} checked={values.strategy === s} onChange={() => set({ strategy: s })} />
              {STRATEGY_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>

      {values.strategy === 'canary' && <CanaryStepsFields steps={values.steps} onChange={(steps) => set({ steps })} error={start.error} />}
      {values.strategy === 'blue-green' && (
        <div className="field-row">
          {field('bg-auto', 'Auto-promotion after (s)', 'autoPromotionSeconds', 'autoPromotionSeconds', 'wait for Promote')}
          {field('bg-delay', 'Scale-down delay (s)', 'scaleDownDelaySeconds', 'scaleDownDelaySeconds')}
        </div>
      )}
      {values.strategy === 'shadow' && (
        <div className="field-row">
          {field('shadow-mirror', 'Mirror (%)', 'mirrorPct', 'mirrorPct')}
          {field('shadow-atol', 'Absolute tolerance (atol)', 'atol', 'tolerance.atol')}
          {field('shadow-rtol', 'Relative tolerance (rtol)', 'rtol', 'tolerance.rtol')}
        </div>
      )}

      <AnalysisFields
        enabled={values.analysisEnabled}
        onEnabledChange={(analysisEnabled) => set({ analysisEnabled })}
        values={values.analysis}
        onChange={(analysis) => set({ analysis })}
        error={start.error}
      />
      <ErrorAlert error={start.error} fields={FIELD_PATHS} />
      <FormActions submit={{ label: 'Start rollout', disabled: start.isPending || !version }} onCancel={onCancel} />
    </form>
  );
}
