'use client';
/** Sets or removes the endpoint's autoscaling policy (PATCH config.autoscaling). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { issuesFor } from '../../../../../_lib/api';
import { endpointKeys } from '../../../../../_lib/queries/endpoints';
import { scalingKeys, setAutoscaling, type AutoscalingPolicy } from '../../../../../_lib/queries/scaling';
import { AUTOSCALING_METRICS } from '../../../../../../server/autoscaling/defaults';
import { ErrorAlert, FieldErrors } from '../../../../../_components/feedback';
import { METRIC_LABELS, policyFormValues, policyOf, type PolicyFormValues } from './policy-values';
import { FormActions } from '../../../../../_components/ui/confirm-action';

type NumberKey = Exclude<keyof PolicyFormValues, 'metric'>;

const FIELDS: { key: NumberKey; label: string; min: number; step?: string }[] = [
  { key: 'minReplicas', label: 'Min replicas', min: 0 },
  { key: 'maxReplicas', label: 'Max replicas', min: 1 },
  { key: 'target', label: 'Target', min: 0, step: 'any' },
  { key: 'upscaleDelaySeconds', label: 'Upscale delay (s)', min: 0 },
  { key: 'downscaleDelaySeconds', label: 'Downscale delay (s)', min: 0 },
  { key: 'lookbackSeconds', label: 'Look-back (s)', min: 1 },
];

export function PolicyForm({ endpoint, policy, replicas, onDone }: { endpoint: string; policy: AutoscalingPolicy | null; replicas: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => policyFormValues(policy, replicas));
  const save = useMutation({
    mutationFn: (next: AutoscalingPolicy | null) => setAutoscaling(endpoint, next),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: scalingKeys.detail(endpoint) }), queryClient.invalidateQueries({ queryKey: endpointKeys.detail(endpoint) })]);
      onDone();
    },
  });
  const field = (key: string) => `config.autoscaling.${key}`;
  return (
    <form
      className="stack"
      aria-label="Autoscaling policy"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(policyOf(values));
      }}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor="as-metric">Metric</label>
          <select id="as-metric" value={values.metric} onChange={(e) => setValues({ ...values, metric: e.target.value as PolicyFormValues['metric'] })}>
            {AUTOSCALING_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        {FIELDS.map(({ key, label, min, step }) => {
          const errors = issuesFor(save.error, field(key));
          return (
            <div className="field" key={key}>
              <label htmlFor={`as-${key}`}>{label}</label>
              <input id={`as-${key}`} type="number" min={min} step={step} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} aria-invalid={errors.length > 0 || undefined} />
              <FieldErrors id={`as-${key}-error`} messages={errors} />
            </div>
          );
        })}
      </div>
      <ErrorAlert error={save.error} fields={[...FIELDS.map((f) => field(f.key)), field('metric')]} />
      <FormActions
        submit={{ label: 'Save policy', disabled: save.isPending }}
        extra={
          policy && (
            <button type="button" className="secondary" disabled={save.isPending} onClick={() => save.mutate(null)}>
              Turn autoscaling off
            </button>
          )
        }
        onCancel={onDone}
      />
    </form>
  );
}
