/**
 * Small facts about local processes that the control plane did not necessarily start itself
 * (adopted after a restart): alive or not, their command line, and a bounded wait for exit.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** Alive and not a zombie (an exited child of an init that does not reap still answers kill 0). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
}

/** The process's arguments, or undefined when it is gone (or /proc is not there). */
export function cmdlineOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** True when `pid` runs with `flag value` among its arguments: a pid reused by another process fails it. */
export function runsWith(pid: number, flag: string, value: string): boolean {
  const args = cmdlineOf(pid);
  if (!args) return isAlive(pid);
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] === value;
}

export function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true once `pid` is gone, false after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number, pollMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return true;
}

/** The last `maxBytes` of a file as text (a log's tail), or '' when it cannot be read. */
export function readTail(path: string, maxBytes = 8192): string {
  let fd: number | undefined;
  try {
    const size = statSync(path).size;
    const length = Math.min(size, maxBytes);
    const buf = Buffer.alloc(length);
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, length, size - length);
    return buf.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
