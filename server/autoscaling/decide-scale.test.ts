import { describe, expect, it } from 'vitest';
import { decideScale, recommend, type Recommendation, type ScaleDecision } from './decide-scale';
import { AutoscalingPolicy } from './schemas';

const policy = (over: Partial<AutoscalingPolicy> = {}) => AutoscalingPolicy.parse({ minReplicas: 1, maxReplicas: 8, metric: 'inflight', target: 2, ...over });

interface Tick {
  /** Total in flight (or p99 ms) this second; null: no figures. */
  load: number | null;
  held?: number;
}

/**
 * Runs the decision once a second on a fake clock, as the shell does: replicas become ready at
 * once, and a second with load > 0 is a second with requests. Returns each second's decision.
 */
function simulate(p: AutoscalingPolicy, seconds: number, loadAt: (s: number) => Tick, start = { replicas: 1, allowed: Infinity, idleSinceS: 0 }): ScaleDecision[] {
  let current = start.replicas;
  let history: Recommendation[] = [];
  let lastRequestS = start.idleSinceS;
  const out: ScaleDecision[] = [];
  for (let s = 1; s <= seconds; s++) {
    const tick = loadAt(s);
    if ((tick.load ?? 0) > 0 || (tick.held ?? 0) > 0) lastRequestS = s;
    const d = decideScale({
      policy: p,
      current,
      ready: current,
      figures: { load: tick.load, idleMs: (s - lastRequestS) * 1000, held: tick.held ?? 0 },
      history,
      watchingSinceMs: 0,
      allowed: start.allowed,
      nowMs: s * 1000,
    });
    history = d.history;
    current = d.replicas;
    out.push(d);
  }
  return out;
}

const replicasAt = (ds: ScaleDecision[], s: number) => ds[s - 1]!.replicas;
const changes = (ds: ScaleDecision[]) => ds.filter((d, i) => i > 0 && d.replicas !== ds[i - 1]!.replicas).length;

describe('recommend', () => {
  it.each([
    ['inflight 6 over target 2 asks for 3', policy(), 1, 1, 6, 3],
    ['on target within 10 % keeps the count', policy(), 3, 3, 6.5, 3],
    ['no load falls to the floor of one', policy({ minReplicas: 0 }), 3, 3, 0, 1],
    ['above maxReplicas is capped', policy({ maxReplicas: 4 }), 1, 1, 100, 4],
    ['below minReplicas is raised', policy({ minReplicas: 3 }), 3, 3, 0, 3],
    ['queue metric uses the same ratio', policy({ metric: 'queue', target: 4 }), 1, 1, 9, 3],
    ['p99 three times the target at most doubles', policy({ metric: 'p99', target: 100 }), 2, 2, 300, 4],
    ['p99 half the target halves', policy({ metric: 'p99', target: 100 }), 4, 4, 50, 2],
    ['p99 without figures keeps the count', policy({ metric: 'p99', target: 100 }), 3, 3, null, 3],
  ])('%s', (_name, p, current, ready, load, want) => {
    expect(recommend(p, current, ready, load)).toBe(want);
  });
});

describe('decideScale over time (fake clock, one tick a second)', () => {
  it('rising load scales up once the upscale delay has passed, not before', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 10 }), 30, (s) => ({ load: s >= 5 ? 6 : 1 }));
    // Load rose at second 5: the change lands once ten seconds of recommendations all ask for 3.
    expect(replicasAt(ds, 13)).toBe(1);
    expect(replicasAt(ds, 14)).toBe(3);
    expect(ds[13]!.reason).toBe('load');
    expect(changes(ds)).toBe(1);
  });

  it('a spike shorter than the upscale delay changes nothing', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 10 }), 60, (s) => ({ load: s >= 20 && s < 28 ? 16 : 1 }));
    expect(changes(ds)).toBe(0);
  });

  it('load that swings every few seconds never flaps', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 10, downscaleDelaySeconds: 60 }), 600, (s) => ({ load: Math.floor(s / 4) % 2 === 0 ? 8 : 1 }));
    expect(changes(ds)).toBe(0);
  });

  it('idle decay: a drop in load waits the downscale delay, then goes to the recommendation', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 0, downscaleDelaySeconds: 120 }), 300, (s) => ({ load: s <= 30 ? 8 : 1 }));
    expect(replicasAt(ds, 1)).toBe(4);
    expect(replicasAt(ds, 30)).toBe(4);
    expect(replicasAt(ds, 149)).toBe(4);
    expect(replicasAt(ds, 151)).toBe(1);
    expect(changes(ds)).toBe(1);
  });

  it('at budget: growth stops at the allowed count and says how far the load wanted to go', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 0 }), 10, () => ({ load: 8 }), { replicas: 1, allowed: 2, idleSinceS: 0 });
    expect(replicasAt(ds, 10)).toBe(2);
    expect(ds[9]!.reason).toBe('at-capacity');
    expect(ds[9]!.heldBack).toEqual({ wantedReplicas: 4, allowedReplicas: 2 });
  });

  it('the budget never stops a replica that serves', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 0 }), 5, () => ({ load: 8 }), { replicas: 3, allowed: 1, idleSinceS: 0 });
    expect(ds.map((d) => d.replicas)).toEqual([3, 3, 3, 3, 3]);
  });

  it('zero and back: idle for the downscale delay stops the last replica, a held request starts one at once', () => {
    const p = policy({ minReplicas: 0, downscaleDelaySeconds: 30 });
    const ds = simulate(p, 60, (s) => ({ load: s <= 5 ? 1 : s === 50 ? null : 0, held: s === 50 ? 1 : 0 }));
    expect(replicasAt(ds, 34)).toBe(1);
    expect(replicasAt(ds, 35)).toBe(0);
    expect(ds[34]!.reason).toBe('idle');
    expect(replicasAt(ds, 49)).toBe(0);
    expect(replicasAt(ds, 50)).toBe(1);
    expect(ds[49]!.reason).toBe('cold-start');
  });

  it('with minReplicas 1 an idle endpoint keeps one replica', () => {
    const ds = simulate(policy({ downscaleDelaySeconds: 5 }), 60, () => ({ load: 0 }));
    expect(ds.every((d) => d.replicas === 1)).toBe(true);
  });

  it('a cold start at budget waits for room', () => {
    const ds = simulate(policy({ minReplicas: 0 }), 3, () => ({ load: null, held: 2 }), { replicas: 0, allowed: 0, idleSinceS: 0 });
    expect(ds.map((d) => [d.replicas, d.reason])).toEqual([[0, 'at-capacity'], [0, 'at-capacity'], [0, 'at-capacity']]);
  });

  it('after a restart the persisted count holds until a whole window was watched', () => {
    const p = policy({ downscaleDelaySeconds: 60 });
    let history: Recommendation[] = [];
    const seen: number[] = [];
    for (let s = 101; s <= 200; s++) {
      const d = decideScale({ policy: p, current: 4, ready: 4, figures: { load: 0, idleMs: 0, held: 0 }, history, watchingSinceMs: 100_000, allowed: Infinity, nowMs: s * 1000 });
      history = d.history;
      seen.push(d.replicas);
    }
    expect(seen.slice(0, 59).every((n) => n === 4)).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('a policy whose bounds moved is applied at once', () => {
    const d = decideScale({ policy: policy({ maxReplicas: 2 }), current: 5, ready: 5, figures: { load: 10, idleMs: 0, held: 0 }, history: [], watchingSinceMs: 0, allowed: Infinity, nowMs: 1000 });
    expect([d.replicas, d.reason]).toEqual([2, 'policy']);
  });

  it('history keeps only what the longer window needs', () => {
    const ds = simulate(policy({ upscaleDelaySeconds: 5, downscaleDelaySeconds: 20 }), 100, () => ({ load: 1 }));
    expect(ds.at(-1)!.history.length).toBe(20);
  });
});
