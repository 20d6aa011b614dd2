import { describe, expect, it } from 'vitest';
import { judgeWindows, type WindowSample } from './stability';

const w = (throughputPerSec: number, p50Ms: number): WindowSample => ({ throughputPerSec, p50Ms });
const policy = { tolerance: 0.1, lastN: 3, maxWindows: 5 };

describe('judgeWindows', () => {
  it.each([
    { case: 'no windows yet: measure more', samples: [], verdict: 'continue' },
    { case: 'two agreeing windows are too few', samples: [w(100, 5), w(100, 5)], verdict: 'continue' },
    { case: 'three windows within ±10 % are stable', samples: [w(100, 5), w(105, 5.2), w(96, 4.9)], verdict: 'stable' },
    { case: 'throughput outside ±10 % keeps measuring', samples: [w(100, 5), w(130, 5), w(100, 5)], verdict: 'continue' },
    { case: 'latency outside ±10 % keeps measuring', samples: [w(100, 5), w(100, 7), w(100, 5)], verdict: 'continue' },
    { case: 'only the trailing windows count', samples: [w(10, 50), w(100, 5), w(101, 5), w(99, 5)], verdict: 'stable' },
    { case: 'unstable at the bound is exhausted', samples: [w(1, 1), w(2, 2), w(1, 1), w(2, 2), w(1, 1)], verdict: 'exhausted' },
    { case: 'stable at the bound is still stable', samples: [w(1, 1), w(2, 2), w(5, 5), w(5, 5), w(5, 5)], verdict: 'stable' },
    { case: 'all-zero windows (all failed) agree', samples: [w(0, 0), w(0, 0), w(0, 0)], verdict: 'stable' },
  ])('$case', ({ samples, verdict }) => {
    expect(judgeWindows(samples, policy)).toBe(verdict);
  });
});
