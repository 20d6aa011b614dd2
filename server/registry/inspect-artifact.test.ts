import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTERNAL_DATA_REASON } from '../../protocol/inspect';
import { scaleModel } from '../../testing/onnx';
import { externalDataModel } from '../../testing/onnx/hostile';
import { ModelProto } from '../../testing/onnx/proto';
import { AppError } from '../errors';
import { DEMO_MODEL_PATH, PROJECT_ROOT } from '../../testing/services';
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

  /** `package.json` once loaded: ORT read four of its bytes as the weight. */
  it.each(['package.json', '../../etc/passwd', '/etc/passwd'])('refuses external data at %s before ONNX Runtime reads it', async (location) => {
    const file = join(dir, 'external.onnx');
    writeFileSync(file, externalDataModel(location));
    const err = await failure(inspectArtifact(file, { script: join(PROJECT_ROOT, 'runtime', 'inspect-model.ts'), cwd: PROJECT_ROOT }));
    expect({ code: err.code, message: err.message }).toEqual({ code: 'UNPROCESSABLE', message: `Not a loadable ONNX model: ${EXTERNAL_DATA_REASON}` });
  });

  it('rewords what ONNX Runtime says about a model it cannot load, without its C++ signature', async () => {
    const model = ModelProto.toObject(ModelProto.decode(scaleModel(2)));
    const file = join(dir, 'ir99.onnx');
    writeFileSync(file, ModelProto.encode(ModelProto.fromObject({ ...model, ir_version: 99 })).finish());
    const err = await failure(inspectArtifact(file, { script: join(PROJECT_ROOT, 'runtime', 'inspect-model.ts'), cwd: PROJECT_ROOT }));
    expect(err.message).toMatch(/^Not a loadable ONNX model: its IR version 99 is newer than this ONNX Runtime supports \(at most \d+\)$/);
  });

  it('kills an inspector that hangs past the time limit', async () => {
    const hang = script('hang', 'setInterval(() => {}, 1000);');
    const err = await failure(inspectArtifact(DEMO_MODEL_PATH, { script: hang, cwd: PROJECT_ROOT, timeoutMs: 300 }));
    expect(err.code).toBe('UNPROCESSABLE');
    expect(err.message).toMatch(/took longer than 0.3 s/);
  });
});
