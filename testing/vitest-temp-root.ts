/**
 * Vitest global setup: every temp folder the suite makes (`os.tmpdir()` reads TMPDIR) goes under
 * one fresh root, removed when the run ends, so a run leaves nothing in /tmp even where a test
 * or a spawned runtime forgets its own folder. Workers inherit TMPDIR from this process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'slipway-vitest-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
