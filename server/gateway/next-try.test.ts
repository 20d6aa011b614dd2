import { describe, expect, it } from 'vitest';
import { nextTry, type FirstAttempt } from './next-try';
import type { EndpointRoutes } from './routing-table';

const routes = (replicas: Record<number, string[]>, stableVersion = 1): EndpointRoutes => ({
  endpoint: 'ep',
  stableVersion,
  replicas: new Map(Object.entries(replicas).map(([v, ids]) => [Number(v), ids.map((id) => ({ id, socketPath: `/s/${id}` }))])),
});

const answered: FirstAttempt = { answered: true, draining: false, failedBeforeAnswer: false };
const draining: FirstAttempt = { answered: true, draining: true, failedBeforeAnswer: false };
const failed: FirstAttempt = { answered: false, draining: false, failedBeforeAnswer: true };
const refused: FirstAttempt = { answered: false, draining: false, failedBeforeAnswer: false };

describe('nextTry', () => {
  it.each<[string, FirstAttempt, EndpointRoutes | undefined, number, boolean, string[], number | undefined]>([
    ['a real answer is final', answered, routes({ 1: ['a', 'b'] }), 1, false, ['a'], undefined],
    ['a draining answer goes again to an untried replica of the same version', draining, routes({ 1: ['a', 'b'] }), 1, false, ['a'], 1],
    ['replicas that failed before answering: another one of the same version', failed, routes({ 1: ['a', 'b', 'c'] }), 1, false, ['a', 'b'], 1],
    ['a failure that is not "before answering" is final', refused, routes({ 1: ['a', 'b'] }), 1, false, ['a'], undefined],
    ['a canary with no replica left falls back to stable', failed, routes({ 1: ['a'], 2: ['c'] }), 2, false, ['c'], 1],
    ['a pinned request never changes version', failed, routes({ 1: ['a'], 2: ['c'] }), 2, true, ['c'], undefined],
    ['nothing untried anywhere: keep the first outcome', draining, routes({ 1: ['a'] }), 1, false, ['a'], undefined],
    ['the endpoint left the table: keep the first outcome', draining, undefined, 1, false, ['a'], undefined],
    ['a new table replaced the draining replica: the new one is tried', draining, routes({ 1: ['a2'] }), 1, false, ['a'], 1],
  ])('%s', (_name, first, current, version, pinned, tried, want) => {
    expect(nextTry(first, current, version, pinned, new Set(tried))).toBe(want);
  });
});
