import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePrivateDir } from './paths';

const AS_ROOT = process.getuid?.() === 0;
let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('ensurePrivateDir', () => {
  it('creates the folder owner-only, and tightens an existing loose one', () => {
    base = mkdtempSync(join(tmpdir(), 'slipway-paths-'));
    const fresh = join(base, 'fresh');
    ensurePrivateDir(fresh);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    const loose = join(base, 'loose');
    mkdirSync(loose, { mode: 0o755 });
    chmodSync(loose, 0o755);
    ensurePrivateDir(loose);
    expect(statSync(loose).mode & 0o777).toBe(0o700);
  });

  it('refuses a symlink in the folder’s place', () => {
    base = mkdtempSync(join(tmpdir(), 'slipway-paths-'));
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'elsewhere'), join(base, 'link'));
    expect(() => ensurePrivateDir(join(base, 'link'))).toThrow('is not a folder');
  });

  // Handing a folder to another user needs chown, which only root may do.
  it.skipIf(!AS_ROOT)('refuses, and leaves in place, a folder another user owns', () => {
    base = mkdtempSync(join(tmpdir(), 'slipway-paths-'));
    const theirs = join(base, 'theirs');
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    expect(() => ensurePrivateDir(theirs)).toThrow('is owned by uid 65534');
    expect(existsSync(theirs)).toBe(true);
    expect(statSync(theirs).mode & 0o777).toBe(0o755);
  });
});
