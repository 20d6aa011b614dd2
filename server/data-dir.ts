/** The data directory's layout and its start-up housekeeping. */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config';
import { PRIVATE_DIR_MODE, tightenModes } from './private-modes';

/**
 * Creates the folders; removes temp uploads a previous process left behind mid-upload; makes
 * everything inside owner-only (`tightened` lists what was not).
 */
export function prepareDataDir(config: Config): { staleTmpFiles: number; tightened: string[] } {
  mkdirSync(config.dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  mkdirSync(config.paths.artifacts, { recursive: true, mode: PRIVATE_DIR_MODE });
  mkdirSync(config.paths.tmp, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stale = readdirSync(config.paths.tmp);
  for (const name of stale) rmSync(join(config.paths.tmp, name), { recursive: true, force: true });
  return { staleTmpFiles: stale.length, tightened: tightenModes(config.dataDir) };
}

/** Owner-only: the file holds a full admin credential. */
export function writeAdminTokenFile(path: string, secret: string): void {
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}
