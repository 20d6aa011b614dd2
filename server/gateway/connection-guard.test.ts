import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionGuard, shedCount } from './connection-guard';

describe('shedCount', () => {
  it.each([
    [1, 1],
    [16, 1],
    [100, 5],
    [10_000, 500],
  ])('sheds %i → %i idle connections at once', (cap, want) => {
    expect(shedCount(cap)).toBe(want);
  });
});

describe('ConnectionGuard on a real server', () => {
  let server: http.Server;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sheds the longest-idle connections so a fresh client is answered at the cap', async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    const guard = new ConnectionGuard(server, { maxConnections: 20, headersTimeoutMs: 10_000, idleTimeoutMs: 60_000, keepAliveTimeoutMs: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const closed: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      const s = connect(port, '127.0.0.1');
      s.on('close', () => (closed[i] = true));
      s.on('error', () => undefined);
      sockets.push(s);
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    }
    await expect.poll(() => guard.connections).toBe(20);
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } });
    expect(await res.text()).toBe('ok');
    expect(guard.shed).toBe(1);
    // The oldest idle socket went first.
    await expect.poll(() => closed[0]).toBe(true);
    expect(closed.slice(1).some(Boolean)).toBe(false);
  });

  it('closes, for a stop, only connections idle for the given time, and counts answered requests', async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    const guard = new ConnectionGuard(server, { maxConnections: 100, headersTimeoutMs: 10_000, idleTimeoutMs: 60_000, keepAliveTimeoutMs: 5000 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const s = connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    sockets.push(s);
    await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    await expect.poll(() => guard.connections).toBe(1);
    guard.closeIdleFor(60_000);
    expect(s.destroyed).toBe(false);
    guard.closeIdleFor(60_000, Date.now() + 60_000);
    await expect.poll(() => guard.connections).toBe(0);
    expect((await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } })).status).toBe(200);
    await expect.poll(() => guard.answered).toBe(1);
    expect(guard.cut).toBe(0);
  });
});
