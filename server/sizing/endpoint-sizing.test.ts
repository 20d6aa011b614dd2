import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEndpoints } from '../endpoints';
import { createModel } from '../registry';
import { insertVersionFixture, makeTestDeps, type TestDeps } from '../../testing/services';

let deps: TestDeps;
beforeEach(() => {
  deps = makeTestDeps({ SLIPWAY_HOST_CPUS: '4' });
  createModel(deps, { name: 'cls' }, 'alice');
  insertVersionFixture(deps, 'cls', 1);
});
afterEach(() => deps.cleanup());

describe('effective sizing in the endpoints API', () => {
  it('shows what auto came to, and re-shares the host when another endpoint arrives', () => {
    const endpoints = createEndpoints(deps);
    const first = endpoints.create({ name: 'a', model: 'cls', version: 1 }, 'alice');
    expect(first.config).toMatchObject({ instances: 'auto', intraOpThreads: 'auto' });
    expect(first.effective).toEqual({ instances: 2, intraOpThreads: 2, intraOpSpinning: false, hostCpus: 4, hostGpus: expect.any(Number) });
    endpoints.create({ name: 'b', model: 'cls', version: 1 }, 'alice');
    expect(endpoints.get('a').effective).toMatchObject({ instances: 2, intraOpThreads: 1 });
    expect(endpoints.list().items.map((e) => e.effective?.instances)).toEqual([2, 2]);
  });

  it('takes a fixed size as given and shares only what it leaves', () => {
    const endpoints = createEndpoints(deps);
    endpoints.create({ name: 'fixed', model: 'cls', version: 1, config: { instances: 1, intraOpThreads: 3 } }, 'alice');
    const auto = endpoints.create({ name: 'auto', model: 'cls', version: 1 }, 'alice');
    expect(endpoints.get('fixed').effective).toMatchObject({ instances: 1, intraOpThreads: 3 });
    expect(auto.effective).toMatchObject({ instances: 1, intraOpThreads: 1 });
    const patched = endpoints.update('auto', { config: { instances: 'auto', intraOpThreads: 1 } }, 'alice');
    expect(patched.config.intraOpThreads).toBe(1);
  });
});
