/**
 * The gateway's cost: one runtime on a unix socket, measured straight (the load generator speaks
 * to the socket) and through the inference gateway (TCP in, keep-alive socket pool out), with
 * the two interleaved per concurrency so machine noise hits both alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GatewayHost } from '../server/gateway/host';
import { runJsonChild, startRuntime } from './processes';
import { DEFAULT_ROLES } from './table';
import type { LoadgenResult, LoadPoint, TargetRun } from './types';

export interface GatewayBenchOptions {
  model: string;
  runtimeArgs: string[];
  loadArgs: string[];
  concurrency: number[];
}

export async function runGatewayComparison(o: GatewayBenchOptions): Promise<TargetRun[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'slipway-bench-'));
  const socketPath = path.join(dir, 'r.sock');
  const name = 'demo';
  const runtime = await startRuntime(['--model', o.model, '--name', name, '--model-version', '1', '--socket', socketPath, ...o.runtimeArgs]);
  const gateway = await GatewayHost.start({ projectRoot: path.join(import.meta.dirname, '..'), host: '127.0.0.1', port: 0, maxBodyBytes: 64 * 1024 * 1024 });
  try {
    await gateway.setRoutes(new Map([[name, { endpoint: name, stableVersion: 1, replicas: new Map([[1, [{ id: 'r1', socketPath }]]]) }]]));
    const inferPath = `/v2/models/${name}/infer`;
    const direct: LoadPoint[] = [];
    const through: LoadPoint[] = [];
    for (const c of o.concurrency) {
      process.stderr.write(`bench: gateway vs direct at c=${c}\n`);
      const d = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', `http://localhost${inferPath}`, '--socket', socketPath, '--concurrency', String(c), ...o.loadArgs]);
      const g = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', `http://127.0.0.1:${gateway.port}${inferPath}`, '--concurrency', String(c), ...o.loadArgs]);
      direct.push(...d.points);
      through.push(...g.points);
    }
    return [
      { id: DEFAULT_ROLES.direct, label: '(e) straight to the runtime (unix socket)', args: o.runtimeArgs, mode: 'varied', idleRssMb: null, points: direct },
      { id: DEFAULT_ROLES.gateway, label: '(f) through the gateway', args: o.runtimeArgs, mode: 'varied', idleRssMb: null, points: through },
    ];
  } finally {
    await gateway.close();
    await runtime.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
