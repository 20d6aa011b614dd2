import { describe, expect, it } from 'vitest';
import { RUNTIME_STATES } from '../../db/schema';
import { REPLICA_STATES } from '../supervisor/schemas';
import { ACTIVE_PHASES, isActive, ROLLOUT_PHASES, TERMINAL_PHASES } from './phases';

// Rollout phases have one copy (protocol/rollout-vocabulary.ts); replica states are still written
// twice (db/ and the wire schema), and this check keeps them equal.
describe('enum lists shared with the database schema', () => {
  it('replica states match', () => {
    expect([...REPLICA_STATES]).toEqual([...RUNTIME_STATES]);
  });
});

describe('isActive', () => {
  it.each(ROLLOUT_PHASES.map((p) => [p, ['starting', 'progressing', 'paused'].includes(p)] as const))('%s → %s', (phase, active) => {
    expect(isActive(phase)).toBe(active);
    expect(ACTIVE_PHASES.includes(phase)).toBe(active);
  });

  it('every phase is active or terminal, never both', () => {
    for (const phase of ROLLOUT_PHASES) expect(ACTIVE_PHASES.includes(phase) !== TERMINAL_PHASES.includes(phase)).toBe(true);
  });
});
