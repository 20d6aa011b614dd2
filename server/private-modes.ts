/**
 * Owner-only permissions for the data directory: it holds the admin token, token hashes, audit
 * history and every model, so folders are 0700 and files 0600. `tightenModes` fixes what an
 * earlier version (or a copy, or a restore) left readable by other local users.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** The mode an entry must get, or undefined when it is already private or not ours to change. Pure. */
export function privateModeFor(kind: 'dir' | 'file' | 'other', mode: number): number | undefined {
  const permissions = mode & 0o777;
  if (kind === 'dir') return permissions === PRIVATE_DIR_MODE ? undefined : PRIVATE_DIR_MODE;
  if (kind === 'file') return permissions === PRIVATE_FILE_MODE ? undefined : PRIVATE_FILE_MODE;
  return undefined;
}

/**
 * Walks `root` (not following links: chmod through one would change its target, anywhere) and
 * sets every folder and regular file to owner-only. Returns the paths it changed, relative.
 */
export function tightenModes(root: string): string[] {
  const changed: string[] = [];
  const visit = (path: string) => {
    const st = lstatSync(path);
    const kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    const mode = privateModeFor(kind, st.mode);
    if (mode !== undefined) {
      chmodSync(path, mode);
      changed.push(relative(root, path) || '.');
    }
    if (kind === 'dir') for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(root);
  return changed;
}
