import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { DEMO_MODEL_PATH, PROJECT_ROOT } from '../test-support';
import { inspectArtifact } from './inspect-artifact';

const dir = mkdtempSync(join(tmpdir(), 'slipway-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Stand-in inspectors: each misbehaves in one way the real one might. */
function script(name: string, body: string): string {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, body);
  return path;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('inspectArtifact', () => {
  it('reads the real inspector on the demo model', async () => {
    const r = await inspectArtifact(DEMO_MODEL_PATH, { script: join(PROJECT_ROOT, 'runtime', 'inspect-model.ts'), cwd: PROJECT_ROOT });
    expect(r.signature.inputs.map((t) => t.name)).toEqual(['x']);
  });

  it.each([
    ['a crash with a message', 'process.stderr.write("boom: bad graph\\n"); process.exit(3);', /Not a loadable ONNX model: boom: bad graph/],
    ['a silent non-zero exit', 'process.exit(2);', /Not a loadable ONNX model: inspector exited with code 2/],
    ['a kill by signal', 'process.kill(process.pid, "SIGKILL");', /Not a loadable ONNX model: inspector exited with SIGKILL/],
    ['garbage on stdout', 'console.log("hello");', /printed no readable signature/],
    ['JSON of the wrong shape', 'console.log(JSON.stringify({ inputs: [{ name: "x", datatype: "FP128", shape: [] }], outputs: [] }));', /printed no readable signature/],
  ])('%s → UNPROCESSABLE', async (name, body, message) => {
    const err = await failure(inspectArtifact(DEMO_MODEL_PATH, { script: script(name.replace(/\W/g, '_'), body), cwd: PROJECT_ROOT }));
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toMatch(message);
  });

  it('kills an inspector that hangs past the time limit', async () => {
    const hang = script('hang', 'setInterval(() => {}, 1000);');
    const err = await failure(inspectArtifact(DEMO_MODEL_PATH, { script: hang, cwd: PROJECT_ROOT, timeoutMs: 300 }));
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toMatch(/took longer than 0.3 s/);
  });
});
