'use client';
import { issuesFor } from '../../../../_lib/api';
import { FieldErrors } from '../../../../_components/feedback';

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
  const messages = [...issuesFor(props.error, props.path), ...(props.hint ? [props.hint] : [])];
  const errorId = `${props.id}-error`;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        step={props.step ?? 'any'}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? errorId : undefined}
      />
      <FieldErrors id={errorId} messages={messages} />
    </div>
  );
}
