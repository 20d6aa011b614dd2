import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadgenResult } from './types';

interface FakeServer {
  url: string;
  bodies: Set<string>;
  sockets: Set<unknown>;
  requests: number;
  close(): Promise<void>;
}

/** A KServe-shaped server answering every infer with a binary [1,2] FP32 output, or `status`. */
async function fakeServer(status = 200): Promise<FakeServer> {
  const state = { bodies: new Set<string>(), sockets: new Set<unknown>(), requests: 0 };
  const server = http.createServer((req, res) => {
    state.sockets.add(req.socket);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      state.bodies.add(createHash('sha1').update(Buffer.concat(chunks)).digest('hex'));
      if (status !== 200) return void res.writeHead(status).end('{"error":"nope"}');
      const header = Buffer.from(
        JSON.stringify({ outputs: [{ name: 'y', datatype: 'FP32', shape: [1, 2], parameters: { binary_data_size: 8 } }] }),
      );
      res.writeHead(200, { 'inference-header-content-length': header.byteLength });
      res.end(Buffer.concat([header, Buffer.alloc(8)]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/v2/models/m/infer`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Runs the real loadgen child with short windows and parses its JSON. */
function loadgen(url: string, args: string[]): Promise<LoadgenResult> {
  const file = path.join(import.meta.dirname, 'loadgen.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', file, '--url', url, '--item-shape', '4', '--output', 'y', '--window-ms', '150', '--warmup-ms', '50', '--max-windows', '3', ...args]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as LoadgenResult) : reject(new Error(stderr)))),
  );
}

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('loadgen (real child process against a loopback server)', () => {
  it('measures each concurrency with distinct bodies and at most that many sockets', async () => {
    server = await fakeServer();
    const result = await loadgen(server.url, ['--concurrency', '1,3', '--mode', 'varied']);
    expect(result.points.map((p) => p.concurrency)).toEqual([1, 3]);
    for (const p of result.points) {
      expect(p.calls).toBeGreaterThan(0);
      expect(p.errors).toBe(0);
      expect(p.throughputPerSec).toBeGreaterThan(0);
      expect(p.windows).toBeLessThanOrEqual(3);
    }
    expect(server.bodies.size).toBe(server.requests);
    expect(server.sockets.size).toBeLessThanOrEqual(1 + 3);
  });

  it('sends one identical body in identical mode', async () => {
    server = await fakeServer();
    const result = await loadgen(server.url, ['--concurrency', '2', '--mode', 'identical']);
    expect(result.points[0]?.calls).toBeGreaterThan(0);
    expect(server.bodies.size).toBe(1);
  });

  it('counts failed requests as errors, not as latencies', async () => {
    server = await fakeServer(500);
    const result = await loadgen(server.url, ['--concurrency', '1']);
    expect(result.points[0]?.errors).toBeGreaterThan(0);
    expect(result.points[0]?.calls).toBe(0);
  });
});
