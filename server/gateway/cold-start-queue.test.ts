import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ColdStartQueue, ColdStartRefused, retryHeaders } from './cold-start-queue';
import type { RoutingTable } from './routing-table';

const limits = { timeoutMs: 1_000, maxQueued: 2, retryAfterSeconds: 5 };
const table = (ready: number): RoutingTable =>
  new Map([['ep', { endpoint: 'ep', stableVersion: 1, replicas: new Map(ready > 0 ? [[1, Array.from({ length: ready }, (_, i) => ({ id: `r${i}`, socketPath: `/s${i}` }))]] : []), coldStart: limits }]]);

describe('ColdStartQueue', () => {
  let held: [string, number][];
  let q: ColdStartQueue;
  beforeEach(() => {
    vi.useFakeTimers();
    held = [];
    q = new ColdStartQueue((endpoint, n) => held.push([endpoint, n]));
  });
  afterEach(() => vi.useRealTimers());

  it('holds until a table with a ready replica arrives, and reports the demand as it changes', async () => {
    const a = q.hold('ep', limits);
    const b = q.hold('ep', limits);
    q.release(table(0));
    expect(q.held('ep')).toBe(2);
    q.release(table(1));
    await expect(Promise.all([a, b])).resolves.toEqual([undefined, undefined]);
    expect(held).toEqual([['ep', 1], ['ep', 2], ['ep', 0]]);
  });

  it('refuses past maxQueued at once, with a retry time', async () => {
    void q.hold('ep', limits);
    void q.hold('ep', limits);
    const third = q.hold('ep', limits);
    await expect(third).rejects.toBeInstanceOf(ColdStartRefused);
    await expect(third).rejects.toMatchObject({ retryAfterSeconds: 5 });
  });

  it('times out after timeoutMs and forgets the request', async () => {
    const a = q.hold('ep', limits);
    vi.advanceTimersByTime(999);
    expect(q.held('ep')).toBe(1);
    vi.advanceTimersByTime(1);
    await expect(a).rejects.toThrow('no ready replica within 1000 ms');
    expect(q.held('ep')).toBe(0);
    expect(held.at(-1)).toEqual(['ep', 0]);
  });

  it('an endpoint that left the table lets its requests go as refused', async () => {
    const a = q.hold('ep', limits);
    q.release(new Map());
    await expect(a).rejects.toThrow('was removed');
  });

  it('a client-chosen name is only a Map key', async () => {
    const a = q.hold('__proto__', limits);
    expect(q.held('__proto__')).toBe(1);
    expect(q.held('constructor')).toBe(0);
    q.close();
    await expect(a).rejects.toThrow('stopping');
  });

  it('retryHeaders names Retry-After only for errors that carry a retry time', () => {
    expect(retryHeaders(new ColdStartRefused('x', 5))).toEqual({ 'retry-after': '5' });
    expect(retryHeaders(new Error('x'))).toEqual({});
    expect(retryHeaders(null)).toEqual({});
  });
});
