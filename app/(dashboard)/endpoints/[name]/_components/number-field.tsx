'use client';
import { Field } from '../../../../_components/ui/field';

/** A labelled number input whose API issues (by body path) show beneath it. */
export function NumberField(props: {
  id: string;
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  hint?: string;
  placeholder?: string;
  step?: string;
}) {
  return (
    <Field id={props.id} label={props.label} path={props.path} error={props.error} hint={props.hint}>
      <input type="number" inputMode="decimal" step={props.step ?? 'any'} value={props.value} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
    </Field>
  );
}
