/**
 * The gateway's cost: one runtime on a unix socket, measured straight (the load generator speaks
 * to the socket) and through the inference gateway (TCP in, keep-alive socket pool out), with
 * the two interleaved per concurrency so machine noise hits both alike; and gRPC ModelInfer with
 * raw contents through the same gateway beside HTTP binary, judged against issue 10's targets
 * (c=64 throughput ≥ 0.85 × HTTP; c=1 p50 within 0.2 ms of HTTP), printed PASS or MISS.
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
    const grpc: LoadPoint[] = [];
    for (const c of o.concurrency) {
      process.stderr.write(`bench: gateway vs direct at c=${c}\n`);
      const d = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', `http://localhost${inferPath}`, '--socket', socketPath, '--concurrency', String(c), ...o.loadArgs]);
      const g = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', `http://127.0.0.1:${gateway.port}${inferPath}`, '--concurrency', String(c), ...o.loadArgs]);
      const gr = await runJsonChild<LoadgenResult>('bench/grpc-loadgen.ts', ['--address', `127.0.0.1:${gateway.grpcPort}`, '--model', name, '--concurrency', String(c), ...grpcArgs(o.loadArgs)]);
      direct.push(...d.points);
      through.push(...g.points);
      grpc.push(...gr.points);
    }
    return [
      { id: DEFAULT_ROLES.direct, label: '(e) straight to the runtime (unix socket)', args: o.runtimeArgs, mode: 'varied', idleRssMb: null, points: direct },
      { id: DEFAULT_ROLES.gateway, label: '(f) through the gateway', args: o.runtimeArgs, mode: 'varied', idleRssMb: null, points: through },
      { id: 'gateway-grpc', label: '(g) gRPC ModelInfer, raw contents, through the gateway', args: o.runtimeArgs, mode: 'varied', idleRssMb: null, points: grpc },
    ];
  } finally {
    await gateway.close();
    await runtime.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The HTTP load generator's model flags, as the gRPC one takes them (no --mode: always varied). */
function grpcArgs(loadArgs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < loadArgs.length; i += 2) if (loadArgs[i] !== '--mode') out.push(loadArgs[i]!, loadArgs[i + 1]!);
  return out;
}

/** Issue 10's targets for gRPC beside HTTP binary, measured in the same run. Pure. */
export function grpcVerdicts(http: LoadPoint[], grpc: LoadPoint[]): string[] {
  const at = (points: LoadPoint[], c: number) => points.find((p) => p.concurrency === c);
  const lines: string[] = [];
  const [h64, g64, h1, g1] = [at(http, 64), at(grpc, 64), at(http, 1), at(grpc, 1)];
  if (h64 && g64) {
    const ratio = g64.throughputPerSec / h64.throughputPerSec;
    lines.push(`${ratio >= 0.85 ? 'PASS' : 'MISS'} gRPC c=64 throughput ${g64.throughputPerSec.toFixed(1)}/s = ${ratio.toFixed(2)} × HTTP ${h64.throughputPerSec.toFixed(1)}/s (target ≥ 0.85)`);
  }
  if (h1 && g1) {
    const diff = g1.p50Ms - h1.p50Ms;
    lines.push(`${diff <= 0.2 ? 'PASS' : 'MISS'} gRPC c=1 p50 ${g1.p50Ms.toFixed(2)} ms vs HTTP ${h1.p50Ms.toFixed(2)} ms (${diff >= 0 ? '+' : ''}${diff.toFixed(2)} ms; target ≤ +0.2 ms)`);
  }
  return lines;
}
