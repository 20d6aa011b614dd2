/**
 * Integration: the real composition root in a child process (`tsx server/main.ts`) on a temp
 * data dir and a free loopback port. Needs a Next.js build; `npm test` makes one first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase } from '../db/client';
import { PROJECT_ROOT } from '../testing/services';

const HAS_BUILD = existsSync(join(PROJECT_ROOT, '.next', 'BUILD_ID'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SLIPWAY_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

describe('server/main.ts', () => {
  it('exits 1 with one line naming a bad variable', async () => {
    const s = start({ PORT: 'abc', SLIPWAY_DATA_DIR: join(tmpdir(), 'slipway-never-created') });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('slipway: invalid configuration: PORT must be an integer 1–65535 (got "abc")');
  });
});

// Serving needs `.next/`; `npm test` runs scripts/ensure-build.mjs before vitest, a bare checkout may not.
describe.skipIf(!HAS_BUILD)('server/main.ts serving (needs a Next.js build)', () => {
  let dataDir: string;
  let port: number;
  let first: Started;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'slipway-main-'));
    port = await freePort();
    first = start({ SLIPWAY_DATA_DIR: dataDir, PORT: String(port), SLIPWAY_GATEWAY_PORT: String(await freePort()) });
    await vi.waitFor(
      () => {
        if (!first.output().includes('control plane listening') && first.child.exitCode === null) throw new Error('waiting for the listening line');
      },
      { timeout: 60_000, interval: 50 },
    );
  });
  afterAll(() => {
    first.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback, seeds the demo and writes the admin token once, owner-only', async () => {
    expect(first.output()).toContain(`slipway: control plane listening on http://127.0.0.1:${port}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(res.status).toBe(200);
    const tokenFile = join(dataDir, 'admin-token');
    const secret = readFileSync(tokenFile, 'utf8').trim();
    expect(secret).toMatch(/^slw_/);
    expect(first.output()).toContain(secret);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const db = openDatabase(join(dataDir, 'slipway.db'));
    try {
      expect(db.$client.prepare('SELECT name FROM models').all()).toEqual([{ name: 'text-orientation' }]);
      expect(db.$client.prepare('SELECT name FROM endpoints').all()).toEqual([{ name: 'text-orientation' }]);
    } finally {
      closeDatabase(db);
    }
  });

  it('stops with exit code 0 on SIGTERM', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });
});
