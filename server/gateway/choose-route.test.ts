import { describe, expect, it } from 'vitest';
import { chooseRoute, stickyBucket } from './choose-route';
import type { EndpointRoutes } from './routing-table';

const r = (id: string) => ({ id, socketPath: `/tmp/${id}.sock` });
const base: EndpointRoutes = { endpoint: 'ep', stableVersion: 1, replicas: new Map([[1, [r('a')]], [2, [r('b')]]]) };

describe('chooseRoute', () => {
  const cases: { name: string; routes: EndpointRoutes; req: Parameters<typeof chooseRoute>[1]; split: number; mirror: number; want: unknown }[] = [
    { name: 'no rollout: stable', routes: base, req: { preview: false }, split: 0, mirror: 0, want: { ok: true, version: 1, route: 'stable' } },
    { name: 'pinned deployed version wins over everything', routes: { ...base, canary: { version: 2, weightPct: 100, stickyHeader: 'k' } }, req: { preview: true, pinnedVersion: 1 }, split: 0, mirror: 0, want: { ok: true, version: 1, route: 'pinned' } },
    { name: 'a pinned version is looked up as a number key, never an inherited one', routes: base, req: { preview: false, pinnedVersion: 'constructor' as unknown as number }, split: 0, mirror: 0, want: { ok: false, status: 404, message: "Request for unknown model: 'ep' version constructor is not found" } },
    { name: 'pinned version not deployed: 404', routes: base, req: { preview: false, pinnedVersion: 7 }, split: 0, mirror: 0, want: { ok: false, status: 404, message: "Request for unknown model: 'ep' version 7 is not found" } },
    { name: 'preview header reaches the preview version', routes: { ...base, preview: { version: 2 } }, req: { preview: true }, split: 0.99, mirror: 0, want: { ok: true, version: 2, route: 'preview' } },
    { name: 'preview header without a preview: stable', routes: base, req: { preview: true }, split: 0.99, mirror: 0.99, want: { ok: true, version: 1, route: 'stable' } },
    { name: 'canary 30%: draw 0.29 goes to canary', routes: { ...base, canary: { version: 2, weightPct: 30, stickyHeader: 'k' } }, req: { preview: false }, split: 0.29, mirror: 0, want: { ok: true, version: 2, route: 'canary' } },
    { name: 'canary 30%: draw 0.30 stays stable', routes: { ...base, canary: { version: 2, weightPct: 30, stickyHeader: 'k' } }, req: { preview: false }, split: 0.3, mirror: 0.5, want: { ok: true, version: 1, route: 'stable' } },
    { name: 'canary 0%: always stable', routes: { ...base, canary: { version: 2, weightPct: 0, stickyHeader: 'k' } }, req: { preview: false }, split: 0, mirror: 0.5, want: { ok: true, version: 1, route: 'stable' } },
    { name: 'canary without ready replicas: stable', routes: { ...base, replicas: new Map([[1, [r('a')]], [2, []]]), canary: { version: 2, weightPct: 100, stickyHeader: 'k' } }, req: { preview: false }, split: 0, mirror: 0.5, want: { ok: true, version: 1, route: 'stable' } },
    { name: 'shadow 25%: draw 0.2 mirrors', routes: { ...base, shadow: { version: 2, mirrorPct: 25, atol: 0, rtol: 0 } }, req: { preview: false }, split: 0, mirror: 0.2, want: { ok: true, version: 1, route: 'stable', mirrorVersion: 2 } },
    { name: 'shadow 25%: draw 0.25 does not mirror', routes: { ...base, shadow: { version: 2, mirrorPct: 25, atol: 0, rtol: 0 } }, req: { preview: false }, split: 0, mirror: 0.25, want: { ok: true, version: 1, route: 'stable' } },
  ];
  it.each(cases)('$name', ({ routes, req, split, mirror, want }) => {
    expect(chooseRoute(routes, req, split, mirror)).toEqual(want);
  });

  it('a route key always lands on the same side, whatever the random draw', () => {
    const routes: EndpointRoutes = { ...base, canary: { version: 2, weightPct: 50, stickyHeader: 'k' } };
    for (const key of ['alice', 'bob', 'carol', 'dave', 'erin']) {
      const sides = new Set([0, 0.25, 0.5, 0.75, 0.99].map((split) => (chooseRoute(routes, { preview: false, routeKey: key }, split, 1) as { version: number }).version));
      expect(sides.size).toBe(1);
    }
  });

  it('route keys spread over both sides roughly by weight', () => {
    let canary = 0;
    for (let i = 0; i < 2000; i++) if (stickyBucket(`user-${i}`) < 20) canary++;
    expect(canary / 2000).toBeGreaterThan(0.15);
    expect(canary / 2000).toBeLessThan(0.25);
  });
});
