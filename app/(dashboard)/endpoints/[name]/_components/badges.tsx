import type { Replica } from '../../../../_lib/queries/replicas';
import type { RolloutPhase } from '../../../../_lib/queries/rollouts';
import styles from './rollout.module.css';

type Tone = 'good' | 'bad' | 'busy' | 'wait' | 'neutral';

const PHASE_TONE: Record<RolloutPhase, Tone> = {
  starting: 'busy',
  progressing: 'busy',
  paused: 'wait',
  succeeded: 'good',
  aborted: 'bad',
  'rolled-back': 'wait',
};

const VERDICT_TONE: Record<'pass' | 'fail' | 'inconclusive', Tone> = { pass: 'good', fail: 'bad', inconclusive: 'neutral' };

const REPLICA_TONE: Record<Replica['state'], Tone> = { starting: 'busy', warming: 'busy', ready: 'good', draining: 'wait', stopped: 'neutral', failed: 'bad' };

function Badge({ tone, text }: { tone: Tone; text: string }) {
  const toneClass = tone === 'neutral' ? '' : styles[tone];
  return (
    <span className={`${styles.badge} ${toneClass}`}>{text}</span>
  );
}

export const PhaseBadge = ({ phase }: { phase: RolloutPhase }) => <Badge tone={PHASE_TONE[phase]} text={phase} />;
export const VerdictBadge = ({ verdict }: { verdict: 'pass' | 'fail' | 'inconclusive' }) => <Badge tone={VERDICT_TONE[verdict]} text={verdict} />;
export const ReplicaStateBadge = ({ state }: { state: Replica['state'] }) => <Badge tone={REPLICA_TONE[state]} text={state} />;
