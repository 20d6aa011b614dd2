'use client';
import { NumberField } from './number-field';
import styles from './rollout.module.css';
import { stepHints, type StepValues } from './start-rollout-values';

const MAX_STEPS = 20;

/** The canary's steps: weights strictly increase up to 100; an empty pause waits for a person. */
export function CanaryStepsFields({ steps, onChange, error }: { steps: StepValues[]; onChange: (steps: StepValues[]) => void; error: unknown }) {
  const hints = stepHints(steps);
  const update = (i: number, patch: Partial<StepValues>) => onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const last = steps.at(-1);
  return (
    <fieldset className="plain">
      <legend>Canary steps</legend>
      <p className="muted flush">Weights must strictly increase and stay at or below 100%. Leave a pause empty to wait for a person (Resume or Promote).</p>
      <ol className={styles.stepList}>
        {steps.map((step, i) => (
          <li key={i} className={styles.stepRow}>
            <NumberField
              id={`step-${i}-weight`}
              label={`Step ${i + 1} weight (%)`}
              path={`steps.${i}.weightPct`}
              step="1"
              value={step.weightPct}
              onChange={(weightPct) => update(i, { weightPct })}
              error={error}
              hint={hints[`steps.${i}.weightPct`]}
            />
            <NumberField
              id={`step-${i}-pause`}
              label={`Step ${i + 1} pause (s)`}
              path={`steps.${i}.pauseSeconds`}
              step="1"
              placeholder="wait for a person"
              value={step.pauseSeconds}
              onChange={(pauseSeconds) => update(i, { pauseSeconds })}
              error={error}
            />
            <div>
              <button type="button" className="secondary" disabled={steps.length === 1} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
                Remove step {i + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={steps.length >= MAX_STEPS}
          onClick={() => onChange([...steps, { weightPct: String(Math.min(100, Number(last?.weightPct || 0) + 10)), pauseSeconds: '' }])}
        >
          Add step
        </button>
      </div>
    </fieldset>
  );
}
