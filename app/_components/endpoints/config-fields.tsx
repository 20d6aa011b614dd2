'use client';
/** The runtime-config inputs shared by the create and edit forms; ids are prefixed per form. */
import type { ConfigFormValues } from '../../_lib/runtime-config';
import { Field } from '../ui/field';

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
        {NUMBER_FIELDS.map(({ key, label, min }) => (
          <Field key={key} id={id(key)} label={label} path={`config.${key}`} error={error}>
            <input type="number" min={min} value={values[key]} onChange={(e) => onChange({ ...values, [key]: e.target.value })} />
          </Field>
        ))}
        <Field id={id('device')} label="Device" path="config.device" error={error}>
          <select value={values.device} onChange={(e) => onChange({ ...values, device: e.target.value === 'cuda' ? 'cuda' : 'cpu' })}>
            <option value="cpu">cpu</option>
            <option value="cuda">cuda</option>
          </select>
        </Field>
      </div>
      <div className="field-row">
        <label className="checkbox" htmlFor={id('cache')}>
          <input id={id('cache')} type="checkbox" checked={values.cacheEnabled} onChange={(e) => onChange({ ...values, cacheEnabled: e.target.checked })} />
          Response cache enabled
        </label>
        <Field id={id('cache-mb')} label="Cache max size (MB)" path="config.cache" error={error}>
          <input type="number" min={0} step="any" value={values.cacheMaxMb} disabled={!values.cacheEnabled} onChange={(e) => onChange({ ...values, cacheMaxMb: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}
