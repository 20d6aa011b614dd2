/**
 * Pure reading of a rollout for the panel: which one is active, which actions its phase allows,
 * and the step timeline of each strategy. The wire's `spec` is an open record, so it is read
 * defensively here and nowhere else.
 */
import { ACTION_PHASES } from '../../../../../protocol/rollout-vocabulary';
import { isActivePhase, type Rollout, type RolloutAction } from '../../../../_lib/queries/rollouts';

export function activeRolloutOf(items: Rollout[]): Rollout | undefined {
  return items.find((r) => isActivePhase(r.phase));
}

export interface CanaryStepView {
  weightPct: number;
  pauseSeconds?: number;
}

export function canaryStepsOf(spec: Record<string, unknown>): CanaryStepView[] {
  if (!Array.isArray(spec.steps)) return [];
  return spec.steps.flatMap((s: unknown) => {
    const step = s as { weightPct?: unknown; pauseSeconds?: unknown } | null;
    if (typeof step?.weightPct !== 'number') return [];
    return [typeof step.pauseSeconds === 'number' ? { weightPct: step.weightPct, pauseSeconds: step.pauseSeconds } : { weightPct: step.weightPct }];
  });
}

export function numberIn(spec: Record<string, unknown>, key: string): number | undefined {
  const value = spec[key];
  return typeof value === 'number' ? value : undefined;
}

/** True while a canary sits on a step with no timer: only Resume or Promote moves it. */
export function waitsForPerson(rollout: Rollout): boolean {
  if (rollout.strategy !== 'canary' || rollout.phase !== 'progressing') return false;
  const step = canaryStepsOf(rollout.spec)[rollout.currentStep];
  return step !== undefined && step.pauseSeconds === undefined;
}

/** The server's phase table, narrowed for resume: a progressing rollout resumes only past a step that waits for a person. */
export function canAct(rollout: Rollout, action: RolloutAction): boolean {
  if (action === 'resume') return rollout.phase === 'paused' || waitsForPerson(rollout);
  return ACTION_PHASES[action].includes(rollout.phase);
}

export type StageStatus = 'done' | 'current' | 'pending' | 'skipped' | 'stopped';

export interface Stage {
  label: string;
  detail: string;
  status: StageStatus;
}

const promoted = (phase: Rollout['phase']) => phase === 'succeeded' || phase === 'rolled-back';

export function canaryStages(rollout: Rollout): Stage[] {
  const steps = canaryStepsOf(rollout.spec);
  return steps.map((step, i) => {
    const detail = step.pauseSeconds === undefined ? 'waits for a person' : `for ${step.pauseSeconds} s`;
    const label = `Step ${i + 1}: ${step.weightPct}%`;
    let status: StageStatus;
    if (promoted(rollout.phase)) status = i <= rollout.currentStep ? 'done' : 'skipped';
    else if (rollout.phase === 'starting') status = 'pending';
    else if (rollout.phase === 'aborted') status = i < rollout.currentStep ? 'done' : i === rollout.currentStep ? 'stopped' : 'skipped';
    else status = i < rollout.currentStep ? 'done' : i === rollout.currentStep ? 'current' : 'pending';
    return { label, detail, status };
  });
}

/** warming → preview → promoted → warm standby (the old version kept for instant rollback). */
export function blueGreenStages(rollout: Rollout, nowMs: number): Stage[] {
  const auto = numberIn(rollout.spec, 'autoPromotionSeconds');
  const delay = numberIn(rollout.spec, 'scaleDownDelaySeconds') ?? 0;
  const order = ['starting', 'preview', 'promoted', 'standby'] as const;
  const scaleDownMs = rollout.scaleDownAt ? Date.parse(rollout.scaleDownAt) : undefined;
  let reached: number;
  switch (rollout.phase) {
    case 'starting':
      reached = 0;
      break;
    case 'progressing':
    case 'paused':
    case 'aborted':
      reached = rollout.phase === 'aborted' && rollout.reason === 'CandidateNotReady' ? 0 : 1;
      break;
    default:
      reached = scaleDownMs !== undefined && scaleDownMs > nowMs ? 3 : 4;
  }
  const details = [
    'candidate starts at full replica count',
    `x-slipway-preview: 1 reaches it${auto === undefined ? '; waits for Promote' : `; promotes after ${auto} s`}`,
    'routing table swapped to the candidate',
    scaleDownMs !== undefined ? `old version warm until ${new Date(scaleDownMs).toISOString().slice(11, 19)}Z` : `old version kept warm ${delay} s`,
  ];
  const labels = ['Warming', 'Preview', 'Promoted', 'Warm standby'];
  return order.map((_, i) => {
    let status: StageStatus;
    if (rollout.phase === 'aborted') status = i < reached ? 'done' : i === reached ? 'stopped' : 'skipped';
    else if (rollout.phase === 'rolled-back') status = i <= 2 ? 'done' : 'skipped';
    else status = i < reached ? 'done' : i === reached ? 'current' : 'pending';
    return { label: labels[i]!, detail: details[i]!, status };
  });
}
