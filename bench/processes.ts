/**
 * The bench's effectful shell: spawning the runtime and waiting for its ready line, running a child
 * that prints one JSON object, reading a process's resident memory. Children run as
 * `node --import tsx <file>` so that the pid we hold is the process that does the work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function spawnTs(file: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, file), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Keeps the last `limitChars` of a stream, for error messages. */
function tail(stream: NodeJS.ReadableStream | null, limitChars = 4000): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-limitChars);
  });
  return () => text;
}

/** Runs a bench child to completion and parses the one JSON object it prints. */
export async function runJsonChild<T>(file: string, args: string[]): Promise<T> {
  const child = spawnTs(file, args);
  const stdout = tail(child.stdout, 10_000_000);
  const stderr = tail(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`${file} exited with ${code}: ${stderr()}`);
  return JSON.parse(stdout().trim()) as T;
}

export interface RunningRuntime {
  pid: number;
  port: number;
  /** The whole ready line, for children that say more (a socket path, effective sizes). */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Starts a runtime on a free loopback port, or on the unix socket when `args` name `--socket`. */
export function startRuntime(args: string[], readyTimeoutMs = 180_000): Promise<RunningRuntime> {
  const onSocket = args.includes('--socket');
  return startReadyChild('runtime/main.ts', onSocket ? args : [...args, '--port', '0'], readyTimeoutMs, onSocket);
}

/** Starts a bench child (or the runtime) and resolves once it prints `{"event":"ready","port":…}`. */
export async function startReadyChild(file: string, args: string[], readyTimeoutMs = 180_000, portOptional = false): Promise<RunningRuntime> {
  const child = spawnTs(file, args);
  const stderr = tail(child.stderr);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} not ready in ${readyTimeoutMs} ms: ${stderr()}`)), readyTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; port?: number | null };
        if (message.event === 'ready' && (typeof message.port === 'number' || portOptional)) {
          clearTimeout(timer);
          resolve(message);
        }
      } catch {
        // Not a JSON line: the contract allows only the ready line, but tolerate stray output.
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} before ready: ${stderr()}`));
    });
  });
  const message = await ready.catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  child.stdout?.resume();
  return {
    pid: child.pid!,
    port: typeof message.port === 'number' ? message.port : 0,
    ready: message,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}

/** VmRSS of a process in MB (Linux only; null elsewhere or once it is gone). */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}
