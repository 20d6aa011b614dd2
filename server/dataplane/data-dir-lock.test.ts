import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
import { readStateFile, writeStateFile } from './state-file';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'slipway-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the data dir lock', () => {
  it('refuses a second holder, naming the first one', async () => {
    const path = join(tempDir(), 'control.sock');
    const first = await acquireDataDirLock(path, '/data');
    first.describe({ pid: 4242, port: 3000, gatewayPort: 8000 });
    const second = acquireDataDirLock(path, '/data');
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow('in use by another control plane (pid 4242, ports 3000 and 8000)');
    await first.release();
    const again = await acquireDataDirLock(path, '/data');
    await again.release();
  });

  it('takes over a lock whose holder died (a socket file nobody listens on)', async () => {
    const path = join(tempDir(), 'control.sock');
    // A listener that goes away without unlinking leaves the file behind, as a killed process does.
    const stale = createServer();
    await new Promise<void>((resolve) => stale.listen(path, resolve));
    (stale as unknown as { _handle: { close(): void } })._handle.close();
    const lock = await acquireDataDirLock(path, '/data');
    await lock.release();
  });
});

describe('the state file', () => {
  it('reads back what was written, owner-only', () => {
    const path = join(tempDir(), 'dataplane.json');
    const state = { controlPlanePid: 1, gateway: null, runtimes: [{ id: 'r1', pid: 10, socketPath: '/s', logPath: '/l', endpoint: 'e', version: 1, replica: 0, configHash: 'h' }] };
    writeStateFile(path, state);
    expect(readStateFile(path)).toEqual(state);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{'],
    ['the wrong shape', '{"runtimes": 3}'],
  ])('reads a %s file as "nothing ran"', (_name, text) => {
    const path = join(tempDir(), 'dataplane.json');
    if (text !== undefined) writeFileSync(path, text);
    expect(readStateFile(path)).toBeUndefined();
  });
});
