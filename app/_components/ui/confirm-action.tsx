'use client';
import { useState, type ReactNode } from 'react';
import { ErrorAlert } from '../feedback';

/**
 * A destructive action that takes a second, explicit click: the trigger opens a confirmation
 * naming what happens, with the action and Cancel. One component for every such button.
 */
export function ConfirmAction(props: {
  trigger: { label: string; ariaLabel?: string; className?: 'danger' | 'secondary' };
  groupLabel: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  pending: boolean;
  error: unknown;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={props.trigger.className ?? 'danger'} aria-label={props.trigger.ariaLabel} onClick={() => setConfirming(true)}>
        {props.trigger.label}
      </button>
    );
  }
  return (
    <div className="confirm stack" role="group" aria-label={props.groupLabel}>
      <p className="flush">{props.question}</p>
      <ErrorAlert error={props.error} />
      <FormActions submit={{ label: props.confirmLabel, className: 'danger', disabled: props.pending, onClick: props.onConfirm }} onCancel={() => setConfirming(false)} />
    </div>
  );
}

/**
 * A form's closing row: the primary action (a submit button unless `onClick` is given), optional
 * extra buttons, and Cancel when there is somewhere to go back to.
 */
export function FormActions(props: { submit: { label: string; disabled?: boolean; className?: 'danger'; onClick?(): void }; extra?: ReactNode; onCancel?(): void }) {
  const { submit } = props;
  return (
    <div className="actions">
      <button type={submit.onClick ? 'button' : 'submit'} className={submit.className} disabled={submit.disabled} onClick={submit.onClick}>
        {submit.label}
      </button>
      {props.extra}
      {props.onCancel && (
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
