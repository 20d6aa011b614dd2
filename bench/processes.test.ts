import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleModel, writeModelFile } from '../testing/onnx';
import { residentMb, runJsonChild, startRuntime } from './processes';

let modelFile = '';
beforeAll(async () => {
  modelFile = await writeModelFile(scaleModel(2));
});
afterAll(async () => {
  await rm(path.dirname(modelFile), { recursive: true, force: true });
});

describe('startRuntime (the real runtime process)', () => {
  it('resolves on the ready line with a port that serves, reports RSS, and stops the process', async () => {
    const runtime = await startRuntime(['--model', modelFile, '--name', 'm']);
    try {
      expect(runtime.port).toBeGreaterThan(0);
      const ready = await fetch(`http://127.0.0.1:${runtime.port}/v2/health/ready`);
      expect(ready.status).toBe(200);
      expect(await residentMb(runtime.pid)).toBeGreaterThan(1);
    } finally {
      await runtime.stop();
    }
    expect(await residentMb(runtime.pid)).toBeNull();
  });

  it('rejects with the runtime stderr when it exits before ready', async () => {
    await expect(startRuntime(['--model', '/nonexistent/model.onnx', '--name', 'm'])).rejects.toThrow(/exited/);
  });
});

describe('runJsonChild', () => {
  it('rejects when the child exits non-zero', async () => {
    await expect(runJsonChild('bench/loadgen.ts', [])).rejects.toThrow(/exited with 1/);
  });
});
