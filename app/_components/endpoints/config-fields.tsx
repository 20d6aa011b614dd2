'use client';
/** The runtime-config inputs shared by the create and edit forms; ids are prefixed per form. */
import { issuesFor } from '../../_lib/api';
import type { ConfigFormValues } from '../../_lib/runtime-config';
import { FieldErrors } from '../feedback';

type NumberKey = 'replicas' | 'instances' | 'maxBatchSize' | 'maxQueueDelayMs';

const NUMBER_FIELDS: { key: NumberKey; label: string; min: number }[] = [
  { key: 'replicas', label: 'Replicas', min: 1 },
  { key: 'instances', label: 'Instances per replica', min: 1 },
  { key: 'maxBatchSize', label: 'Max batch size', min: 1 },
  { key: 'maxQueueDelayMs', label: 'Max queue delay (ms)', min: 0 },
];

export const CONFIG_FIELD_PATHS = ['config.replicas', 'config.instances', 'config.maxBatchSize', 'config.maxQueueDelayMs', 'config.device', 'config.cache'];

export function ConfigFields({
  idPrefix,
  values,
  onChange,
  error,
}: {
  idPrefix: string;
  values: ConfigFormValues;
  onChange: (values: ConfigFormValues) => void;
  error: unknown;
}) {
  const id = (key: string) => `${idPrefix}-${key}`;
  return (
    <fieldset className="plain stack">
      <legend>
        Runtime config
      </legend>
      <div className="field-row">
        {NUMBER_FIELDS.map(({ key, label, min }) => {
          const errors = issuesFor(error, `config.${key}`);
          return (
            <div className="field" key={key}>
              <label htmlFor={id(key)}>{label}</label>
              <input
                id={id(key)}
                type="number"
                min={min}
                value={values[key]}
                onChange={(e) => onChange({ ...values, [key]: e.target.value })}
                aria-invalid={errors.length > 0 || undefined}
              />
              <FieldErrors id={`${id(key)}-error`} messages={errors} />
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={id('device')}>Device</label>
          <select id={id('device')} value={values.device} onChange={(e) => onChange({ ...values, device: e.target.value === 'cuda' ? 'cuda' : 'cpu' })}>
            <option value="cpu">cpu</option>
            <option value="cuda">cuda</option>
          </select>
          <FieldErrors id={`${id('device')}-error`} messages={issuesFor(error, 'config.device')} />
        </div>
      </div>
      <div className="field-row">
        <label className="checkbox" htmlFor={id('cache')}>
          <input id={id('cache')} type="checkbox" checked={values.cacheEnabled} onChange={(e) => onChange({ ...values, cacheEnabled: e.target.checked })} />
          Response cache enabled
        </label>
        <div className="field">
          <label htmlFor={id('cache-mb')}>Cache max size (MB)</label>
          <input
            id={id('cache-mb')}
            type="number"
            min={0}
            step="any"
            value={values.cacheMaxMb}
            disabled={!values.cacheEnabled}
            onChange={(e) => onChange({ ...values, cacheMaxMb: e.target.value })}
          />
          <FieldErrors id={`${id('cache-mb')}-error`} messages={issuesFor(error, 'config.cache')} />
        </div>
      </div>
    </fieldset>
  );
}
