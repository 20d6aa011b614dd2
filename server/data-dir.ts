/** The data directory's layout and its start-up housekeeping. */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';

/** Creates the folders; removes temp uploads a previous process left behind mid-upload. */
export function prepareDataDir(config: Config): { staleTmpFiles: number } {
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.paths.artifacts, { recursive: true });
  mkdirSync(config.paths.tmp, { recursive: true });
  const stale = readdirSync(config.paths.tmp);
  for (const name of stale) rmSync(join(config.paths.tmp, name), { recursive: true, force: true });
  return { staleTmpFiles: stale.length };
}

/** Owner-only: the file holds a full admin credential. */
export function writeAdminTokenFile(path: string, secret: string): void {
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
