import { describe, expect, it } from 'vitest';
import { ROLLOUT_PHASES as DB_PHASES, ROLLOUT_STRATEGIES as DB_STRATEGIES, RUNTIME_STATES } from '../../db/schema';
import { REPLICA_STATES } from '../supervisor/schemas';
import { ACTIVE_PHASES, isActive, ROLLOUT_PHASES, ROLLOUT_STRATEGIES } from './phases';

// Client-facing modules cannot import db/ (it would bundle drizzle), so the lists are written
// twice; these checks keep the copies equal.
describe('enum lists shared with the database schema', () => {
  it('rollout phases and strategies match', () => {
    expect([...ROLLOUT_PHASES]).toEqual([...DB_PHASES]);
    expect([...ROLLOUT_STRATEGIES]).toEqual([...DB_STRATEGIES]);
  });

  it('replica states match', () => {
    expect([...REPLICA_STATES]).toEqual([...RUNTIME_STATES]);
  });
});

describe('isActive', () => {
  it.each(ROLLOUT_PHASES.map((p) => [p, ['starting', 'progressing', 'paused', 'promoting'].includes(p)] as const))('%s → %s', (phase, active) => {
    expect(isActive(phase)).toBe(active);
    expect(ACTIVE_PHASES.includes(phase)).toBe(active);
  });
});
