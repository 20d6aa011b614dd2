/**
 * The dashboard's one form field: a label, one control, and the API's issues for its body path
 * (plus an optional hint) beneath it. The control gets its id, `aria-invalid` and
 * `aria-describedby` from here, so every form reports errors the same way.
 */
import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { issuesFor } from '../../_lib/api';
import { FieldErrors } from '../feedback';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function Field({
  id,
  label,
  error,
  path,
  hint,
  note,
  className,
  children,
}: {
  id: string;
  label: string;
  /** The failed mutation's error; its issues at `path` show under the control. */
  error?: unknown;
  path?: string;
  /** A problem found before sending (shown like an API issue). */
  hint?: string;
  /** Quiet help under the control. */
  note?: ReactNode;
  /** Extra class on the wrapper (`narrow-field`). */
  className?: string;
  children: ReactElement<ControlProps>;
}) {
  const issues = path ? issuesFor(error, path) : [];
  const messages = [...issues, ...(hint ? [hint] : [])];
  const describedBy = messages.length > 0 ? `${id}-error` : undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': messages.length > 0 || undefined, 'aria-describedby': describedBy })}
      <FieldErrors id={`${id}-error`} messages={messages} />
      {note && <span className="muted">{note}</span>}
    </div>
  );
}
