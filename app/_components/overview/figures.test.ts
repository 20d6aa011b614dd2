import { describe, expect, it } from 'vitest';
import { formatMs, formatPct, formatRatioPct, formatRps, rolloutSummary } from './figures';

describe('overview figures', () => {
  it.each([
    [0, '0.0'],
    [3.14159, '3.1'],
    [99.95, '100.0'],
    [123.4, '123'],
  ])('formatRps(%s) → %s', (rps, expected) => {
    expect(formatRps(rps)).toBe(expected);
  });

  it.each([
    [null, '—'],
    [0.42, '0.4'],
    [12.34, '12.3'],
    [250.6, '251'],
  ])('formatMs(%s) → %s', (ms, expected) => {
    expect(formatMs(ms)).toBe(expected);
  });

  it.each([
    [null, '—'],
    [0, '0.0'],
    [2.345, '2.3'],
  ])('formatPct(%s) → %s', (pct, expected) => {
    expect(formatPct(pct)).toBe(expected);
  });

  it('shows a 0..1 cache ratio as percent', () => {
    expect(formatRatioPct(0.5)).toBe('50.0');
    expect(formatRatioPct(null)).toBe('—');
  });
});

describe('rolloutSummary', () => {
  const base = { id: 1, candidateVersion: 2, phase: 'progressing' as const, weightPct: 25 };

  it.each([
    ['no rollout', null, '—'],
    ['a canary shows its weight', { ...base, strategy: 'canary' as const }, 'canary v2 · progressing · 25 %'],
    ['a blue-green shows its weight', { ...base, strategy: 'blue-green' as const, weightPct: 0 }, 'blue-green v2 · progressing · 0 %'],
    ['a shadow only mirrors: no weight', { ...base, strategy: 'shadow' as const, weightPct: 0 }, 'shadow v2 · progressing'],
  ])('%s', (_name, rollout, expected) => {
    expect(rolloutSummary(rollout)).toBe(expected);
  });
});
