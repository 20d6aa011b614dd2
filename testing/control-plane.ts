/**
 * Starts the real control plane for integration tests: `node --import tsx server/main.ts` (what
 * `npm start` runs after its build step) on free loopback ports with a fresh data folder and a
 * known admin token, waits for `/api/v1/health`, and stops it (SIGTERM, then SIGKILL) afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

/** For `beforeAll`: a cold `next build` on a busy two-core machine takes minutes, not seconds. */
export const SETUP_TIMEOUT_MS = 15 * 60_000;

export interface ControlPlaneOptions {
  demo?: boolean;
  maxUploadBytes?: number;
  /** Use this folder (new or left by an earlier start) instead of a fresh one; `stop()` keeps it. */
  dataDir?: string;
  /** More environment for the server, applied last. */
  env?: Record<string, string>;
  /** Bounded wait for health, generous for a cold Next.js start on a busy machine. */
  startTimeoutMs?: number;
  /** Restart on what an earlier control plane left (same data dir, ports and token). */
  reuse?: Pick<ControlPlane, 'dataDir' | 'port' | 'gatewayPort' | 'adminToken'> & { grpcPort?: number };
}

export interface ControlPlane {
  baseUrl: string;
  apiUrl: string;
  /** The inference gateway (KServe v2). */
  gatewayUrl: string;
  port: number;
  gatewayPort: number;
  /** The gateway's KServe v2 gRPC port (a free one, never Triton's 8001 that another run may hold). */
  grpcPort: number;
  dataDir: string;
  adminToken: string;
  child: ChildProcess;
  /** What the process printed so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  /** A crash: SIGKILL, the data plane keeps running, the data dir stays. */
  kill9(): Promise<void>;
  /** Graceful stop, then the data dir is removed; anything left running is stopped with `npm run stop`. */
  stop(): Promise<void>;
}

/** `npm run stop` for a data dir: stops whatever runs there (control plane or an orphaned data plane). */
export function runStopScript(dataDir: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/stop.ts'], { cwd: PROJECT_ROOT, env: { ...process.env, SLIPWAY_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const LOCK_DIR = join(tmpdir(), 'slipway-ensure-build.lock');
const LOCK_STALE_MS = 15 * 60_000;

/**
 * Runs `scripts/ensure-build.mjs` (a no-op when the build is current). Test files run in parallel
 * processes, so a lock folder serialises the builds; the ones that wait then find it current.
 */
export async function ensureBuild(): Promise<void> {
  await waitFor(
    () => {
      try {
        mkdirSync(LOCK_DIR);
        return true;
      } catch {
        try {
          if (Date.now() - statSync(LOCK_DIR).mtimeMs > LOCK_STALE_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
        } catch {
          // Released between our two calls: try again.
        }
        return undefined;
      }
    },
    LOCK_STALE_MS,
    'the build lock',
    500,
  );
  try {
    writeFileSync(join(LOCK_DIR, 'owner'), String(process.pid));
    // A build started outside our lock (by `npm start` or Playwright) makes Next refuse a second: wait for it.
    await waitFor(
      () => {
        const result = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
        if (result.status === 0) return true;
        if (`${result.stdout}${result.stderr}`.includes('Another next build process is already running')) return undefined;
        throw new Error(`ensure-build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
      },
      LOCK_STALE_MS,
      'a concurrent next build to finish',
      2000,
    );
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export async function startControlPlane(options: ControlPlaneOptions = {}): Promise<ControlPlane> {
  const r = options.reuse;
  const [port, gatewayPort] = r ? [r.port, r.gatewayPort] : [await freePort(), await freePort()];
  const grpcPort = r?.grpcPort ?? (await freePort());
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = r?.dataDir ?? options.dataDir ?? mkdtempSync(join(tmpdir(), 'slipway-it-'));
  const adminToken = r?.adminToken ?? `slw_${randomBytes(24).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    SLIPWAY_HOST: '127.0.0.1',
    SLIPWAY_GATEWAY_PORT: String(gatewayPort),
    SLIPWAY_GRPC_PORT: String(grpcPort),
    SLIPWAY_DATA_DIR: dataDir,
    SLIPWAY_ADMIN_TOKEN: adminToken,
    SLIPWAY_DEMO: options.demo ? '1' : '0',
    SLIPWAY_LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (options.maxUploadBytes !== undefined) env.SLIPWAY_MAX_UPLOAD_BYTES = String(options.maxUploadBytes);
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const plane: ControlPlane = {
    baseUrl,
    apiUrl: `${baseUrl}/api/v1`,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    port,
    gatewayPort,
    grpcPort,
    dataDir,
    adminToken,
    child,
    output: () => output,
    exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
        if (!killed) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      // A control plane that crashed (or was killed above) leaves its data plane running.
      runStopScript(dataDir);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };

  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`control plane exited (${child.exitCode ?? child.signalCode})`);
        try {
          const res = await fetch(`${plane.apiUrl}/health`);
          return res.ok ? true : undefined;
        } catch {
          return undefined;
        }
      },
      options.startTimeoutMs ?? 90_000,
      `${plane.apiUrl}/health`,
    );
  } catch (err) {
    await plane.stop();
    throw new Error(`${(err as Error).message}\n--- control plane output ---\n${output}`);
  }
  return plane;
}
