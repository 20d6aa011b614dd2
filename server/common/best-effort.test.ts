import { describe, expect, it } from 'vitest';
import { BEST_EFFORT_LOG_INTERVAL_MS, bestEffortWriter } from './best-effort';

describe('bestEffortWriter', () => {
  const full = () => {
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  };

  it('runs the write and stays quiet when it succeeds', () => {
    const warnings: string[] = [];
    let wrote = 0;
    bestEffortWriter(() => 0, (m) => warnings.push(m))('lastUsedAt', () => void wrote++);
    expect({ wrote, warnings }).toEqual({ wrote: 1, warnings: [] });
  });

  it('swallows a failed write and logs it at most once a minute per kind', () => {
    const warnings: string[] = [];
    let nowMs = 0;
    const write = bestEffortWriter(() => nowMs, (m) => warnings.push(m));
    expect(() => write('lastUsedAt', full)).not.toThrow();
    nowMs = BEST_EFFORT_LOG_INTERVAL_MS - 1;
    write('lastUsedAt', full);
    write('session touch', full);
    nowMs = BEST_EFFORT_LOG_INTERVAL_MS;
    write('lastUsedAt', full);
    expect(warnings).toEqual([
      'slipway: could not record lastUsedAt (the request goes on): database or disk is full',
      'slipway: could not record session touch (the request goes on): database or disk is full',
      'slipway: could not record lastUsedAt (the request goes on): database or disk is full',
    ]);
  });
});
