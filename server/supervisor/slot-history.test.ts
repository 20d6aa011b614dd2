import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from './backoff';
import { afterCrash, afterReady, FRESH_SLOT, startFailures, withReason, type SlotHistory } from './slot-history';

const h = (over: Partial<SlotHistory> = {}): SlotHistory => ({ ...FRESH_SLOT, ...over });

describe('afterCrash', () => {
  it.each<[string, SlotHistory, { wasReady: boolean; upForMs: number }, SlotHistory]>([
    ['a first crash waits the base delay', h(), { wasReady: true, upForMs: 5_000 }, { restarts: 1, notBeforeMs: 10_000 + DEFAULT_BACKOFF.baseMs, lastError: 'runtime killed by SIGKILL' }],
    ['crashes in a row back off exponentially', h({ restarts: 3 }), { wasReady: true, upForMs: 1_000 }, { restarts: 4, notBeforeMs: 10_000 + DEFAULT_BACKOFF.baseMs * 8, lastError: 'runtime killed by SIGKILL' }],
    ['a long run starts the count over', h({ restarts: 6 }), { wasReady: true, upForMs: DEFAULT_BACKOFF.resetAfterMs }, { restarts: 1, notBeforeMs: 10_000 + DEFAULT_BACKOFF.baseMs, lastError: 'runtime killed by SIGKILL' }],
    ['a noted reason explains the exit of a process that never became ready', h({ lastError: 'did not become ready within 120 s' }), { wasReady: false, upForMs: 120_000 }, { restarts: 1, notBeforeMs: 10_000 + DEFAULT_BACKOFF.baseMs, lastError: 'did not become ready within 120 s' }],
    ['an old reason does not hide the exit of a process that served', h({ lastError: 'unresponsive' }), { wasReady: true, upForMs: 1_000 }, { restarts: 1, notBeforeMs: 10_000 + DEFAULT_BACKOFF.baseMs, lastError: 'runtime killed by SIGKILL' }],
  ])('%s', (_name, before, o, want) => {
    expect(afterCrash(before, 'runtime killed by SIGKILL', { ...o, nowMs: 10_000 })).toEqual(want);
  });

  it('caps the delay', () => {
    expect(afterCrash(h({ restarts: 40 }), 'x', { wasReady: false, upForMs: 0, nowMs: 0 }).notBeforeMs).toBe(DEFAULT_BACKOFF.maxMs);
  });
});

describe('withReason and afterReady', () => {
  it('notes a reason, and clears it once ready, keeping the restart count', () => {
    const noted = withReason(h({ restarts: 2 }), 'unresponsive: 3 readiness probes failed');
    expect(noted).toEqual({ restarts: 2, notBeforeMs: 0, lastError: 'unresponsive: 3 readiness probes failed' });
    expect(afterReady(noted)).toEqual({ restarts: 2, notBeforeMs: 0, lastError: null });
  });
});

describe('startFailures', () => {
  it.each<[string, SlotHistory[], number, { failedStarts: number; lastError?: string }]>([
    ['no history', [], 0, { failedStarts: 0, lastError: undefined }],
    ['the worst slot counts, with the first error', [h({ restarts: 1, lastError: 'a' }), h({ restarts: 3, lastError: 'b' })], 0, { failedStarts: 3, lastError: 'a' }],
    ['a ready replica means the version is not failing', [h({ restarts: 3, lastError: 'b' })], 1, { failedStarts: 0, lastError: 'b' }],
  ])('%s', (_name, histories, ready, want) => {
    expect(startFailures(histories, ready)).toEqual(want);
  });
});
