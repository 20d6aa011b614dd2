/**
 * The rollout controller's clock on fake timers: it reconciles at its interval, and a canary step
 * advances exactly when its pause is over, without a runtime or a real second passing.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEndpoint } from '../endpoints';
import { LiveStore } from '../metrics/live-store';
import { createModel } from '../registry';
import { insertVersionFixture, makeTestDeps, type TestDeps } from '../../testing/services';
import { RolloutController } from './controller';
import { getRollout, startRollout } from '.';
import { RolloutRoutes } from './rollout-routes';

let deps: TestDeps;
let controller: RolloutController | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'], now: new Date('2026-11-30T12:00:00Z') });
  deps = makeTestDeps();
  createModel(deps, { name: 'cls' }, 'alice');
  insertVersionFixture(deps, 'cls', 1);
  insertVersionFixture(deps, 'cls', 2);
  createEndpoint(deps, { name: 'ep', model: 'cls', version: 1 }, 'alice');
});
afterEach(() => {
  controller?.stop();
  deps.cleanup();
  vi.useRealTimers();
});

const readyCandidate = () => ({ readyReplicas: 1, wantedReplicas: 1, failedStarts: 0 });

describe('RolloutController on a fake clock', () => {
  it('moves a ready candidate on at once, then advances a step when its pause is over, at the next interval', async () => {
    const r = startRollout(deps, 'ep', { version: 2, strategy: 'canary', steps: [{ weightPct: 10, pauseSeconds: 30 }, { weightPct: 50 }], analysis: null }, 'alice');
    const routes = new RolloutRoutes(deps);
    controller = new RolloutController(deps, new LiveStore(), routes, readyCandidate, pino({ level: 'silent' }));
    const changes = vi.fn();
    controller.on('changed', changes);

    controller.start(1000);
    expect(getRollout(deps, r.id)).toMatchObject({ phase: 'progressing', currentStep: 0, weightPct: 10 });
    expect(routes.overlays().get('ep')).toEqual({ canary: { version: 2, weightPct: 10, stickyHeader: 'x-slipway-route-key' } });
    expect(changes).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(29_999);
    expect(getRollout(deps, r.id)).toMatchObject({ currentStep: 0, weightPct: 10 });
    await vi.advanceTimersByTimeAsync(1);
    expect(getRollout(deps, r.id)).toMatchObject({ phase: 'progressing', currentStep: 1, weightPct: 50 });
    expect(routes.overlays().get('ep')?.canary?.weightPct).toBe(50);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('stops reconciling when stopped', async () => {
    const r = startRollout(deps, 'ep', { version: 2, strategy: 'canary', steps: [{ weightPct: 10, pauseSeconds: 5 }, { weightPct: 50 }], analysis: null }, 'alice');
    controller = new RolloutController(deps, new LiveStore(), new RolloutRoutes(deps), readyCandidate, pino({ level: 'silent' }));
    controller.start(1000);
    controller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getRollout(deps, r.id)).toMatchObject({ currentStep: 0, weightPct: 10 });
  });
});
