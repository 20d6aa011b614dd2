/**
 * The runtime as a module inside the test process (workers must load under vitest too), on a
 * unix socket, plus the device contract: CUDA either runs (and is reported) or the process
 * exits 3 with the reason.
 */
import http from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaleModel, writeModelFile } from '../testing/onnx';
import { parseCli } from './config';
import { createLogger } from './log';
import { startRuntime } from './start-runtime';
import { spawnRuntime } from '../testing/runtime/spawn-runtime';

function optionsFor(args: string[]) {
  const parsed = parseCli(args, {});
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options;
}

function socketRequest(socketPath: string, method: string, urlPath: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method, path: urlPath, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startRuntime in-process', () => {
  it('serves inference from worker threads under vitest, on a unix socket', async () => {
    const model = await writeModelFile(scaleModel(5));
    const socket = path.join(await mkdtemp(path.join(tmpdir(), 'slipway-rt-')), 'rt.sock');
    const rt = await startRuntime(optionsFor(['--model', model, '--name', 'inproc', '--socket', socket, '--instances', '2']), createLogger('test'));
    try {
      expect(rt.socket).toBe(socket);
      expect(rt.port).toBeNull();
      expect((await socketRequest(socket, 'GET', '/v2/health/ready')).status).toBe(200);
      const body = JSON.stringify({ inputs: [{ name: 'x', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] });
      const reply = await socketRequest(socket, 'POST', '/v2/models/inproc/infer', body);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text).outputs[0].data).toEqual([5, 10, 15, 20]);
    } finally {
      await rt.drain();
    }
  });
});

describe('device', () => {
  it('cuda either runs and is reported, or the process exits 3 naming the reason', async () => {
    const model = await writeModelFile(scaleModel(1));
    const args = ['--model', model, '--name', 'gpu', '--port', '0', '--device', 'cuda'];
    const outcome = await spawnRuntime(args).then(
      (rt) => ({ rt }),
      (err: Error) => ({ err }),
    );
    if ('err' in outcome) {
      expect(outcome.err.message).toMatch(/exited \(3\) before ready/);
      expect(outcome.err.message).toMatch(/could not be loaded on cuda/);
      return;
    }
    try {
      expect(outcome.rt.provider).toBe('cuda');
    } finally {
      await outcome.rt.stop();
    }
  });
});
