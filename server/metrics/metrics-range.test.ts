import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { planPieces, resolveRange } from './metrics-range';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0, 500);
const H = 3_600_000;

describe('resolveRange', () => {
  it.each([
    ['5m', 1_000, 300, 'live'],
    ['1h', 5_000, 720, 'live'],
    ['24h', 60_000, 1_440, 'rollup-10s'],
    ['7d', 600_000, 1_008, 'rollup-1m'],
  ] as const)('range=%s steps %i ms, %i complete points, from %s', (range, stepMs, count, source) => {
    const r = resolveRange({ range }, NOW);
    expect(r).toMatchObject({ stepMs, count, source, toMs: NOW });
    expect(r.fromMs % stepMs).toBe(0);
    expect(r.fromMs + r.count * r.stepMs).toBeLessThanOrEqual(NOW);
    expect(r.fromMs + (r.count + 1) * r.stepMs).toBeGreaterThan(NOW);
  });

  it('ends a range at the data horizon, so the newest point is a complete second', () => {
    const horizon = NOW - 500; // the gateway's last flushed second ends on a whole second
    const r = resolveRange({ range: '5m' }, NOW, horizon);
    expect(r).toMatchObject({ toMs: horizon, count: 300 });
    expect(r.fromMs + (r.count - 1) * r.stepMs).toBe(horizon - 1000);
  });

  it('keeps a partial last step for explicit from/to', () => {
    const r = resolveRange({ from: String(NOW - 10_000), to: String(NOW) }, NOW);
    expect(r.fromMs + r.count * r.stepMs).toBeGreaterThan(NOW);
  });

  it('defaults to the last 5 minutes', () => {
    expect(resolveRange({}, NOW)).toMatchObject({ stepMs: 1_000, source: 'live' });
  });

  it.each([
    ['epoch ms', { from: String(NOW - 10 * 60_000), to: String(NOW), step: 10 }, 10_000, 'live'],
    ['ISO', { from: new Date(NOW - 2 * H).toISOString(), to: new Date(NOW - H).toISOString() }, 10_000, 'rollup-10s'],
    ['a step finer than 10 s rollups rounds up', { from: String(NOW - 2 * H), step: 1 }, 10_000, 'rollup-10s'],
    ['a step finer than 1 min rollups rounds up to 60 s', { from: String(NOW - 48 * H), to: String(NOW - 46 * H), step: 15 }, 60_000, 'rollup-1m'],
    ['a step that is not a multiple of the source rounds up', { from: String(NOW - 3 * H), step: 25 }, 30_000, 'rollup-10s'],
  ] as const)('from/to (%s)', (_, q, stepMs, source) => {
    expect(resolveRange(q, NOW)).toMatchObject({ stepMs, source });
  });

  it.each([
    ['from after to', { from: String(NOW), to: String(NOW - 1000) }, /from must be before to/],
    ['beyond 30 days', { from: String(NOW - 31 * 24 * H) }, /30 days/],
    ['an unparseable time', { from: 'yesterday' }, /ISO-8601/],
    ['more than 3000 points', { from: String(NOW - 29 * 24 * H), step: 60 }, /at most 3000 points per series \(this query asks for 41761\)/],
  ] as const)('rejects %s with a 400 naming the limit', (name, q, message) => {
    let err: unknown;
    try {
      resolveRange(q, NOW);
    } catch (e) {
      err = e;
    }
    expect(err, name).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(message);
  });
});

describe('planPieces', () => {
  const T = 1_000_000_000_000; // on the 10 s grid
  it.each([
    ['all live when the live store covers the range', 'live', T, T + 300_000, { liveStartMs: T - H, rolled10sUntilMs: T + 290_000, rolled1mUntilMs: T + 240_000 }, [['live', T, T + 300_000]]],
    [
      'after a restart: 10 s rollups up to the end of rollups, live after',
      'live',
      T,
      T + 300_000,
      { liveStartMs: T + 200_000, rolled10sUntilMs: T + 120_000, rolled1mUntilMs: T + 120_000 },
      [['rollup-10s', T, T + 120_000], ['live', T + 120_000, T + 300_000]],
    ],
    [
      'a live start off the 10 s grid is rounded up to it',
      'live',
      T,
      T + 300_000,
      { liveStartMs: T + 200_001, rolled10sUntilMs: T + 290_000, rolled1mUntilMs: 0 },
      [['rollup-10s', T, T + 210_000], ['live', T + 210_000, T + 300_000]],
    ],
    [
      '24 h: rollups then the newest seconds live',
      'rollup-10s',
      T - 20 * H,
      T,
      { liveStartMs: T - H, rolled10sUntilMs: T - 10_000, rolled1mUntilMs: T - 60_000 },
      [['rollup-10s', T - 20 * H, T - H], ['live', T - H, T]],
    ],
    [
      '7 d: minutes, then 10 s rows, then live seconds from where live data begins',
      'rollup-1m',
      T - 7 * 24 * H,
      T,
      { liveStartMs: T - 2 * 60_000, rolled10sUntilMs: T - 10_000, rolled1mUntilMs: T - 5 * 60_000 },
      [['rollup-1m', T - 7 * 24 * H, T - 5 * 60_000], ['rollup-10s', T - 5 * 60_000, T - 2 * 60_000], ['live', T - 2 * 60_000, T]],
    ],
    ['fresh database: everything live', 'rollup-1m', T - 48 * H, T, { liveStartMs: T - 60_000, rolled10sUntilMs: 0, rolled1mUntilMs: 0 }, [['live', T - 48 * H, T]]],
  ] as const)('%s', (_, source, from, to, w, expected) => {
    const pieces = planPieces(source, from, to, w);
    expect(pieces.map((p) => [p.kind, p.fromMs, p.toMs])).toEqual(expected);
  });
});
