/** Where a data dir's data-plane files live: sockets under the temp dir (short paths), the rest in the data dir. */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Unix socket paths are limited to ~107 bytes: keep them short, under the system temp dir. */
export function socketDirFor(dataDir: string): string {
  return join(tmpdir(), `slipway-${createHash('sha256').update(dataDir).digest('hex').slice(0, 10)}`);
}

export interface DataPlanePaths {
  socketDir: string;
  lockSocket: string;
  gatewayControlSocket: string;
  stateFile: string;
  logDir: string;
}

export function dataPlanePaths(dataDir: string): DataPlanePaths {
  const socketDir = socketDirFor(dataDir);
  return {
    socketDir,
    lockSocket: join(socketDir, 'control.sock'),
    gatewayControlSocket: join(socketDir, 'gateway.sock'),
    stateFile: join(dataDir, 'dataplane.json'),
    logDir: join(dataDir, 'logs'),
  };
}

/**
 * Creates `dir` owner-only (0700) or checks an existing one: a folder owned by another user, or a
 * symlink in its place, is refused rather than used or removed.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new Error(`${dir} is owned by uid ${st.uid}, not by this user (uid ${uid}); remove it or choose another data dir`);
  if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}
