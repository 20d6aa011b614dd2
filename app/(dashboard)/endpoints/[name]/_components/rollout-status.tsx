'use client';
import { formatTime } from '../../../../_lib/format';
import { isActivePhase, type Rollout } from '../../../../_lib/queries/rollouts';
import { AnalysisTable } from './analysis-table';
import { PhaseBadge } from './badges';
import { RolloutActions } from './rollout-actions';
import styles from './rollout.module.css';
import { ShadowSummary } from './shadow-summary';
import { StepTimeline } from './step-timeline';

/** One rollout in detail: phase, versions, weight, timeline, actions, analysis and shadow results. */
export function RolloutStatus(props: { rollout: Rollout; stableVersion: number; isLatest: boolean; canMutate: boolean; nowMs: number }) {
  const r = props.rollout;
  const active = isActivePhase(r.phase);
  const showRollback = props.canMutate && props.isLatest && r.phase === 'succeeded';
  return (
    <section aria-labelledby="rollout-current-heading">
      <h3 id="rollout-current-heading">
        Rollout {r.id} ({r.strategy}) <PhaseBadge phase={r.phase} />
      </h3>
      <dl className="props">
        <dt>Candidate version</dt>
        <dd>{r.candidateVersion}</dd>
        <dt>Stable version</dt>
        <dd>{props.stableVersion}</dd>
        <dt>Replaces version</dt>
        <dd>{r.stableVersion}</dd>
        <dt>Candidate weight</dt>
        <dd>{r.strategy === 'canary' || !active ? `${r.weightPct}%` : `${r.weightPct}% (${r.strategy === 'shadow' ? 'mirror only' : 'preview only'})`}</dd>
        <dt>Status</dt>
        <dd>
          {r.reason || '–'}
          {r.message ? `: ${r.message}` : ''}
        </dd>
        <dt>Started</dt>
        <dd>
          {formatTime(r.createdAt)} by {r.startedBy}
        </dd>
        {r.scaleDownAt && (
          <>
            <dt>Old version warm until</dt>
            <dd>{formatTime(r.scaleDownAt)}</dd>
          </>
        )}
      </dl>
      <div className={styles.weightBar} aria-hidden="true">
        <div className={styles.weightFill} style={{ width: `${Math.max(0, Math.min(100, r.weightPct))}%` }} />
      </div>
      <StepTimeline rollout={r} nowMs={props.nowMs} />
      {props.canMutate && active && <RolloutActions rollout={r} rollbackOnly={false} />}
      {showRollback && <RolloutActions rollout={r} rollbackOnly />}
      <h3>Analysis</h3>
      {r.spec.analysis === null ? <p className="muted">Analysis is off: steps advance on their timers alone.</p> : <AnalysisTable checks={r.checks} />}
      {r.failedChecks > 0 && <p className="muted">Failed checks: {r.failedChecks}</p>}
      {r.shadow && <ShadowSummary shadow={r.shadow} />}
    </section>
  );
}
