'use client';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import styles from './rollout.module.css';
import { blueGreenStages, canaryStages, numberIn, type Stage } from './rollout-model';

const STATUS_TEXT: Record<Stage['status'], string> = { done: 'done', current: 'current', pending: 'pending', skipped: 'skipped', stopped: 'stopped' };

/** Where the rollout stands: canary steps, blue-green stages, or what a shadow mirrors. */
export function StepTimeline({ rollout, nowMs }: { rollout: Rollout; nowMs: number }) {
  if (rollout.strategy === 'shadow') {
    const mirrorPct = numberIn(rollout.spec, 'mirrorPct') ?? 100;
    const tolerance = rollout.spec.tolerance as { atol?: number; rtol?: number } | undefined;
    return (
      <p>
        Mirroring <strong>{mirrorPct}%</strong> of requests to version {rollout.candidateVersion}; clients always get version {rollout.stableVersion}&apos;s answer
        {tolerance ? ` (tolerance atol ${tolerance.atol}, rtol ${tolerance.rtol})` : ''}.
      </p>
    );
  }
  const stages = rollout.strategy === 'canary' ? canaryStages(rollout) : blueGreenStages(rollout, nowMs);
  return (
    <ol className={styles.timeline} aria-label="Steps">
      {stages.map((stage) => (
        <li key={stage.label} className={styles.stage} data-status={stage.status} aria-current={stage.status === 'current' ? 'step' : undefined}>
          <span className={styles.stageLabel}>{stage.label}</span>
          <span className={styles.stageDetail}>{stage.detail}</span>
          <span className={styles.stageDetail}>{STATUS_TEXT[stage.status]}</span>
        </li>
      ))}
    </ol>
  );
}
