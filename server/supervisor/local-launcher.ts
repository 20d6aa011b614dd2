/**
 * Launches runtimes as local processes (`node <entry>`: the bundle, or `runtime/main.ts` under
 * tsx; server/dataplane/entry-points.ts), each on its own unix socket,
 * detached into their own session with their output in a log file: a control plane that crashes
 * or restarts takes none of them down, and the next one adopts them by asking who they are.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { isAlive, readTail, runsWith, signal } from '../dataplane/process-tools';
import type { RuntimeRecord } from '../dataplane/state-file';
import { probeReady } from './health-probe';
import type { LaunchHooks, LaunchSpec, Launcher, RuntimeExit, RuntimeHandle } from './launcher';
import { fetchRuntimeIdentity } from './runtime-identity';
import { subscribeStats } from './stats-subscription';

const READY_POLL_MS = 100;
const EXIT_POLL_MS = 200;

export class LocalLauncher implements Launcher {
  /** @param entry node's arguments before the runtime's flags (`DataPlaneEntries.runtime`). */
  constructor(private readonly entry: readonly string[]) {}

  launch(spec: LaunchSpec, hooks: LaunchHooks): RuntimeHandle {
    // The autoscaling policy is the control plane's business; the runtime refuses keys it does not know.
    const { autoscaling: _policy, ...runtimeConfig } = spec.config;
    const args = [...this.entry, '--model', spec.modelPath, '--name', spec.endpoint, '--model-version', String(spec.version), '--socket', spec.socketPath, '--instance-id', spec.instanceId, '--config-json', JSON.stringify(runtimeConfig)];
    const log = openSync(spec.logPath, 'a', 0o600);
    let child: ChildProcess;
    try {
      child = spawn(process.execPath, args, { stdio: ['ignore', log, log], detached: true, env: { ...process.env, NODE_ENV: 'production' } });
    } finally {
      closeSync(log);
    }
    child.unref();
    const exited = new Promise<RuntimeExit>((resolve) => {
      child.once('exit', (code, sig) => resolve({ code, signal: sig, lastOutput: readTail(spec.logPath), known: true }));
      child.once('error', (err) => resolve({ code: null, signal: null, lastOutput: `${readTail(spec.logPath)}\n${err.message}`, known: true }));
    });
    return watch(child.pid, spec.instanceId, spec.socketPath, exited, hooks, false);
  }

  async adopt(record: RuntimeRecord, hooks: LaunchHooks): Promise<{ handle: RuntimeHandle; ready: boolean } | undefined> {
    if (!isAlive(record.pid)) return undefined;
    const who = await fetchRuntimeIdentity(record.socketPath, 2000);
    if (!who || who.instanceId !== record.id || who.pid !== record.pid) return undefined;
    let stopPolling = false;
    const exited = (async (): Promise<RuntimeExit> => {
      while (isAlive(record.pid) && !stopPolling) await new Promise((r) => setTimeout(r, EXIT_POLL_MS));
      return { code: null, signal: null, lastOutput: readTail(record.logPath), known: false };
    })();
    const handle = watch(record.pid, record.id, record.socketPath, exited, hooks, who.ready);
    const detach = handle.detach;
    return { handle: { ...handle, detach: () => ((stopPolling = true), detach()) }, ready: who.ready };
  }
}

/** One handle for launched and adopted processes alike: readiness by probing, stats by subscribing. */
function watch(pid: number | undefined, instanceId: string, socketPath: string, exited: Promise<RuntimeExit>, hooks: LaunchHooks, readyNow: boolean): RuntimeHandle {
  let gone = false;
  let detached = false;
  void exited.then(() => (gone = true));
  const ready = (async () => {
    while (!readyNow) {
      if (gone || detached) throw new Error(describeExit(await exited));
      readyNow = await probeReady(socketPath, 2000);
      if (!readyNow) await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
  })();
  ready.catch(() => undefined);
  let stats: { close(): void } | undefined;
  void ready.then(() => {
    if (!gone && !detached) stats = subscribeStats(socketPath, (s) => hooks.onStats(s));
  }, () => undefined);
  void exited.then(() => stats?.close());
  // Signals only reach the process we launched: a pid that now runs something else is left alone.
  const ours = () => pid !== undefined && !gone && runsWith(pid, '--instance-id', instanceId);
  return {
    pid,
    ready,
    exited,
    async stop(graceMs) {
      if (ours()) signal(pid!, 'SIGTERM');
      const timer = setTimeout(() => ours() && signal(pid!, 'SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    kill() {
      if (ours()) signal(pid!, 'SIGKILL');
    },
    detach() {
      detached = true;
      stats?.close();
    },
  };
}

/** Why a runtime stopped, for the replicas table: the signal or exit code, with its last error lines (never an info line). */
export function describeExit(exit: RuntimeExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : exit.known ? `exited with code ${exit.code}` : 'exited';
  const last = errorLines(exit.lastOutput).slice(-3).join(' | ');
  return last ? `runtime ${how}: ${last}` : `runtime ${how}`;
}

/** Lines worth showing: pino records at warn or above (their message), and any plain text line. */
export function errorLines(output: string): string[] {
  const out: string[] = [];
  for (const line of output.split('\n')) {
    const text = line.trim();
    if (!text) continue;
    if (!text.startsWith('{')) {
      out.push(text.slice(0, 500));
      continue;
    }
    try {
      const rec = JSON.parse(text) as { level?: number; msg?: string; err?: unknown; event?: string };
      if ((rec.level ?? 0) >= 40) out.push([rec.msg, typeof rec.err === 'string' ? rec.err : undefined].filter(Boolean).join(': ').slice(0, 500));
    } catch {
      out.push(text.slice(0, 500));
    }
  }
  return out;
}
