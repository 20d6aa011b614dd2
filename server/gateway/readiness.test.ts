import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { GatewayHost } from './host';

let gateway: GatewayHost;
const ready = async () => (await fetch(`http://127.0.0.1:${gateway.port}/v2/health/ready`)).status;

beforeAll(async () => {
  gateway = await GatewayHost.start({ projectRoot: join(import.meta.dirname, '..', '..'), host: '127.0.0.1', port: 0, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await gateway?.close();
});

describe('gateway readiness', () => {
  it('is live but not ready before the control plane sent its first routing table', async () => {
    expect((await fetch(`http://127.0.0.1:${gateway.port}/v2/health/live`)).status).toBe(200);
    expect(await ready()).toBe(503);
  });

  it('is ready once every endpoint has a ready replica of its stable version', async () => {
    await gateway.setRoutes(new Map([['ep', { endpoint: 'ep', stableVersion: 1, replicas: new Map() }]]));
    expect(await ready()).toBe(503);
    await gateway.setRoutes(new Map([['ep', { endpoint: 'ep', stableVersion: 1, replicas: new Map([[1, [{ id: 'a', socketPath: '/tmp/none.sock' }]]]) }]]));
    expect(await ready()).toBe(200);
    await gateway.setRoutes(new Map());
    expect(await ready()).toBe(200);
  });
});
