/**
 * Static stability against the real processes (`server/main.ts`, its gateway and runtimes): the
 * data plane outlives its control plane and is adopted by the next one; a graceful stop cuts no
 * request; one control plane per data dir; `npm run stop` when the control plane is gone; and a
 * flood of idle connections to the gateway never reaches the admin API. Loopback only, every
 * load loop bounded in count and time.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryInferRequest } from '../../bench/kserve-binary';
import { dataPlanePaths } from '../../server/dataplane/paths';
import { isAlive } from '../../server/dataplane/process-tools';
import { readStateFile } from '../../server/dataplane/state-file';
import { ensureBuild, freePort, PROJECT_ROOT, runStopScript, SETUP_TIMEOUT_MS, startControlPlane, waitFor, type ControlPlane } from '../control-plane';
import { call } from './client';

const ENDPOINT = 'text-orientation';
/** Real control planes start and stop here, several per test on a busy two-core machine. */
const TEST_TIMEOUT_MS = 180_000;
const request = binaryInferRequest({ inputName: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], data: new Uint8Array(3 * 48 * 192 * 4), outputName: 'softmax_0.tmp_0' });

async function inferOnce(plane: ControlPlane): Promise<number> {
  return (await inferOutcome(plane)).status;
}

/** The status, and for a failure the gateway's message too, so a failed assertion says why. */
async function inferOutcome(plane: ControlPlane): Promise<{ status: number; detail: string }> {
  const res = await fetch(`${plane.gatewayUrl}/v2/models/${ENDPOINT}/infer`, { method: 'POST', headers: request.headers, body: new Uint8Array(request.body) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, detail: res.status === 200 ? '200' : `${res.status} ${body.toString('utf8').slice(0, 160)}` };
}

/** Closed-loop load (bounded: stops at `stop()` or after `maxRequests`); each outcome is 200, `<status> <message>` or an error code. */
function load(plane: ControlPlane, concurrency: number, maxRequests = 20_000) {
  const outcomes: string[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running && outcomes.length < maxRequests) {
      try {
        outcomes.push((await inferOutcome(plane)).detail);
      } catch (err) {
        outcomes.push(String((err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message));
      }
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

const serverErrors = (outcomes: string[]) => outcomes.filter((o) => /^5\d\d /.test(o));
const failures = (outcomes: string[]) => outcomes.filter((o) => o !== '200');

function runtimePids(plane: ControlPlane): number[] {
  return (readStateFile(dataPlanePaths(plane.dataDir).stateFile)?.runtimes ?? []).map((r) => r.pid).sort();
}

async function waitServing(plane: ControlPlane): Promise<void> {
  await waitFor(async () => ((await fetch(`${plane.gatewayUrl}/v2/health/ready`).catch(() => undefined))?.status === 200 ? true : undefined), 120_000, 'the gateway to be ready');
}

beforeAll(async () => {
  await ensureBuild();
}, SETUP_TIMEOUT_MS);

describe('a control-plane crash', () => {
  let plane: ControlPlane;
  const gate = join(tmpdir(), `slipway-ready-gate-${process.pid}`);

  afterAll(async () => {
    await plane?.stop();
    rmSync(gate, { force: true });
  });

  it('fails no request under load, and the next control plane adopts the same gateway and runtimes', async () => {
    plane = await startControlPlane({ demo: true, env: { SLIPWAY_TEST_READY_GATE: gate } });
    writeFileSync(gate, '');
    await waitServing(plane);
    const before = readStateFile(dataPlanePaths(plane.dataDir).stateFile)!;
    expect(before.runtimes).toHaveLength(1);

    const traffic = load(plane, 4);
    await waitFor(() => (traffic.outcomes.length > 50 ? true : undefined), 30_000, 'load to run');
    await plane.kill9();
    const duringCrash = traffic.outcomes.length;
    await waitFor(() => (traffic.outcomes.length > duringCrash + 50 ? true : undefined), 30_000, 'load to go on while no control plane runs');

    plane = await startControlPlane({ demo: true, reuse: plane, env: { SLIPWAY_TEST_READY_GATE: gate } });
    const afterRestart = traffic.outcomes.length;
    await waitFor(() => (traffic.outcomes.length > afterRestart + 50 ? true : undefined), 30_000, 'load to go on after the restart');
    const outcomes = await traffic.stop();

    expect(failures(outcomes)).toEqual([]);
    const after = readStateFile(dataPlanePaths(plane.dataDir).stateFile)!;
    expect(after.gateway?.pid).toBe(before.gateway?.pid);
    expect(after.runtimes.map((r) => r.pid)).toEqual(before.runtimes.map((r) => r.pid));
    expect(plane.output()).toContain('took over the running data plane (gateway: adopted, runtimes adopted: 1)');
  }, TEST_TIMEOUT_MS);

  it('adopts a runtime that was still starting when the control plane died', async () => {
    rmSync(gate, { force: true });
    const admin = { token: plane.adminToken };
    // A second replica starts and waits at the gate, so the crash catches it mid-start. (Auto
    // sizing may also roll the first replica to its new share of the cores: that one waits too.)
    expect((await call(plane, 'PATCH', `/endpoints/${ENDPOINT}`, { ...admin, json: { config: { replicas: 2 } } })).status).toBe(200);
    const stateFile = dataPlanePaths(plane.dataDir).stateFile;
    await waitFor(() => (readStateFile(stateFile)?.runtimes.some((r) => r.replica === 1) ? true : undefined), 60_000, 'a second replica starting');
    const starting = runtimePids(plane);
    await plane.kill9();

    plane = await startControlPlane({ demo: true, reuse: plane, env: { SLIPWAY_TEST_READY_GATE: gate } });
    expect(plane.output()).toContain(`runtimes adopted: ${starting.length}`);
    writeFileSync(gate, '');
    await waitFor(
      async () => {
        const r = await call(plane, 'GET', `/endpoints/${ENDPOINT}/replicas`, admin);
        const items = (r.body.items ?? r.body) as { state: string }[];
        return Array.isArray(items) && items.filter((i) => i.state === 'ready').length === 2 ? true : undefined;
      },
      60_000,
      'both replicas ready',
    );
    // Every runtime serving now was already running before the crash: adopted, none launched anew.
    await waitFor(() => (runtimePids(plane).length === 2 ? true : undefined), 60_000, 'a replaced first replica to drain');
    expect(runtimePids(plane).every((pid) => starting.includes(pid))).toBe(true);
    expect(await inferOnce(plane)).toBe(200);
  }, TEST_TIMEOUT_MS);

  it('lowering replicas from 2 to 1 stops one, and no request fails', async () => {
    const traffic = load(plane, 4);
    expect((await call(plane, 'PATCH', `/endpoints/${ENDPOINT}`, { token: plane.adminToken, json: { config: { replicas: 1 } } })).status).toBe(200);
    await waitFor(() => (runtimePids(plane).length === 1 ? true : undefined), 60_000, 'one runtime left');
    const pidsLeft = runtimePids(plane);
    const mark = traffic.outcomes.length;
    await waitFor(() => (traffic.outcomes.length > mark + 50 ? true : undefined), 30_000, 'load to go on');
    expect(failures(await traffic.stop())).toEqual([]);
    expect(runtimePids(plane)).toEqual(pidsLeft);
  }, TEST_TIMEOUT_MS);

  it('npm run stop stops a data plane whose control plane is gone', async () => {
    const state = readStateFile(dataPlanePaths(plane.dataDir).stateFile)!;
    await plane.kill9();
    expect(await inferOnce(plane)).toBe(200);
    const stopped = runStopScript(plane.dataDir);
    expect(stopped.status).toBe(0);
    expect(stopped.output).toContain('stopped the data plane');
    expect(isAlive(state.gateway!.pid)).toBe(false);
    for (const r of state.runtimes) expect(isAlive(r.pid)).toBe(false);
    expect(existsSync(dataPlanePaths(plane.dataDir).socketDir)).toBe(false);
    await expect(inferOnce(plane)).rejects.toThrow();
  }, TEST_TIMEOUT_MS);
});

describe('a graceful stop and the data dir lock', () => {
  let plane: ControlPlane;

  beforeAll(async () => {
    plane = await startControlPlane({ demo: true });
    await waitServing(plane);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await plane?.stop();
  });

  it('refuses a second control plane on the same data dir, naming the holder, and disturbs nothing', async () => {
    const second = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SLIPWAY_DATA_DIR: plane.dataDir, PORT: '1', SLIPWAY_GATEWAY_PORT: '2', SLIPWAY_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    second.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(out).toContain(`in use by another control plane (pid ${plane.child.pid}, ports ${plane.port} and ${plane.gatewayPort})`);
    expect(await inferOnce(plane)).toBe(200);
    expect((await fetch(`${plane.apiUrl}/health`)).status).toBe(200);
  }, TEST_TIMEOUT_MS);

  it('keeps the admin API and a fresh inference client answering while 20,000 idle connections hold the gateway port', async () => {
    // Four helper processes hold 5,000 idle sockets each (one process could not hold 20,000 descriptors).
    const holders = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['-e', HOLD_SCRIPT, String(plane.gatewayPort), '5000'], { stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    try {
      await Promise.all(holders.map((h) => new Promise<void>((resolve) => h.stdout.once('data', () => resolve()))));
      const started = Date.now();
      const health = await fetch(`${plane.apiUrl}/health`);
      const adminMs = Date.now() - started;
      expect(health.status).toBe(200);
      expect((await call(plane, 'GET', '/models', { token: plane.adminToken })).status).toBe(200);
      expect(await inferOnce(plane)).toBe(200);
      console.log(`admin API answered in ${adminMs} ms with 20,000 idle connections on the gateway`);
    } finally {
      for (const h of holders) h.kill('SIGKILL');
    }
  }, TEST_TIMEOUT_MS);

  it('answers every accepted request on SIGTERM, exits 0 and leaves no socket folder', async () => {
    const traffic = load(plane, 8);
    await waitFor(() => (traffic.outcomes.length > 50 ? true : undefined), 30_000, 'load to run');
    const state = readStateFile(dataPlanePaths(plane.dataDir).stateFile)!;
    plane.child.kill('SIGTERM');
    expect(await plane.exited).toBe(0);
    const outcomes = await traffic.stop();
    expect(serverErrors(outcomes)).toEqual([]);
    // Once the stop begins new connections are refused, and a connection the gateway closes may
    // race a request its client was just sending (that request never reached the gateway). What the
    // gateway accepted, it answered: its own count says so.
    expect(outcomes.filter((o) => !['200', 'ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(o))).toEqual([]);
    const drained = readFileSync(join(plane.dataDir, 'logs', 'gateway.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"msg":"drained"'))
      .map((line) => JSON.parse(line) as { answered: number; cut: number });
    expect(drained).toHaveLength(1);
    expect(drained[0]!.cut).toBe(0);
    expect(drained[0]!.answered).toBeGreaterThanOrEqual(outcomes.filter((o) => o === '200').length);
    expect(isAlive(state.gateway!.pid)).toBe(false);
    for (const r of state.runtimes) expect(isAlive(r.pid)).toBe(false);
    expect(existsSync(dataPlanePaths(plane.dataDir).socketDir)).toBe(false);
    expect(existsSync(dataPlanePaths(plane.dataDir).stateFile)).toBe(false);
  }, TEST_TIMEOUT_MS);
});

describe('npm start under a process manager', () => {
  it('passes SIGTERM through to the control plane, which stops everything and frees both ports', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'slipway-npm-'));
    const [port, gatewayPort] = [await freePort(), await freePort()];
    const npm = spawn('npm', ['start'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SLIPWAY_DATA_DIR: dataDir, PORT: String(port), SLIPWAY_GATEWAY_PORT: String(gatewayPort), SLIPWAY_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${gatewayPort}/v2/health/ready`).catch(() => undefined))?.status === 200 ? true : undefined), 120_000, 'the demo endpoint through npm start');
      const state = readStateFile(dataPlanePaths(dataDir).stateFile)!;
      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(isAlive(state.controlPlanePid)).toBe(false);
      expect(isAlive(state.gateway!.pid)).toBe(false);
      for (const r of state.runtimes) expect(isAlive(r.pid)).toBe(false);
      await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${gatewayPort}/v2/health/live`)).rejects.toThrow();
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      runStopScript(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, TEST_TIMEOUT_MS);
});

/** Opens N idle connections to a port, says "ready" once all are open, holds them until killed. */
const HOLD_SCRIPT = `
const net = require('node:net');
const [port, n] = process.argv.slice(1).map(Number);
let open = 0, done = 0;
const sockets = [];
for (let i = 0; i < n; i++) {
  const s = net.connect(port, '127.0.0.1');
  s.on('connect', () => { open++; if (++done === n) process.stdout.write('ready ' + open + '\\n'); });
  s.on('error', () => { if (++done === n) process.stdout.write('ready ' + open + '\\n'); });
  sockets.push(s);
}
setInterval(() => {}, 1000);
`;
