/**
 * Issue 11's side-by-side: the naive server (one `session.run` per request), and Slipway as a user
 * gets it (the demo endpoint with its default, auto-sized config) through the gateway and straight
 * to its runtime. Throughput at c=64 comes from wrk when it is installed (a Node client on a 2-core
 * machine takes the cores it measures), else from the Node load generator; c=1 latency and the
 * gateway-vs-runtime ratio always come from the Node load generator, so like is compared with like.
 */
import { binaryInferRequest } from './kserve-binary';
import { residentMb, runJsonChild, startReadyChild, type RunningRuntime } from './processes';
import { runWrk, wrkAvailable } from './wrk';
import type { LoadgenResult, LoadPoint, TargetRun } from './types';

export interface NaiveComparisonOptions {
  model: string;
  name: string;
  input: string;
  itemShape: number[];
  output: string;
  /** The Node load generator's timing and model flags (as `loadArgs` in run.ts). */
  loadArgs: string[];
  wrkSeconds: number;
  /** Use the Node load generator even when wrk is installed. */
  noWrk?: boolean;
}

export interface NaiveComparisonRuns {
  targets: TargetRun[];
  generator: 'wrk' | 'node';
  idleRssMb: number | null;
  effective: unknown;
}

async function nodePoint(url: string, concurrency: number, loadArgs: string[], socket?: string): Promise<LoadPoint> {
  const r = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', url, '--concurrency', String(concurrency), ...(socket ? ['--socket', socket] : []), ...loadArgs]);
  return r.points[0]!;
}

export async function runNaiveComparison(o: NaiveComparisonOptions): Promise<NaiveComparisonRuns> {
  const useWrk = !o.noWrk && wrkAvailable();
  const data = new Uint8Array(new Float32Array(o.itemShape.reduce((a, b) => a * b, 1)).map(() => Math.random()).buffer);
  const request = binaryInferRequest({ inputName: o.input, datatype: 'FP32', shape: [1, ...o.itemShape], data, outputName: o.output });
  const inferPath = `/v2/models/${o.name}/infer`;
  const throughput = (url: string): Promise<LoadPoint> =>
    useWrk ? runWrk({ url, body: request.body, headers: request.headers, concurrency: 64, seconds: o.wrkSeconds }) : nodePoint(url, 64, o.loadArgs);

  let naive: RunningRuntime | undefined;
  let slipway: RunningRuntime | undefined;
  try {
    process.stderr.write('bench: naive server (one session.run per request)\n');
    naive = await startReadyChild('bench/naive-server.ts', ['--model', o.model, '--name', o.name]);
    const naiveUrl = `http://127.0.0.1:${naive.port}${inferPath}`;
    const naivePoints = [await nodePoint(naiveUrl, 1, o.loadArgs), await throughput(naiveUrl)];
    await naive.stop();
    naive = undefined;

    process.stderr.write('bench: the demo endpoint with its default config, through the gateway and straight to its runtime\n');
    slipway = await startReadyChild('bench/default-endpoint.ts', ['--model', o.model, '--name', o.name]);
    const socket = String(slipway.ready.socket);
    const idleRssMb = await residentMb(Number(slipway.ready.pid));
    const gatewayUrl = `http://127.0.0.1:${slipway.port}${inferPath}`;
    const directUrl = `http://localhost${inferPath}`;
    const gateway = [await nodePoint(gatewayUrl, 1, o.loadArgs), await throughput(gatewayUrl)];
    const gatewayNode = [await nodePoint(gatewayUrl, 64, o.loadArgs)];
    const direct = [await nodePoint(directUrl, 1, o.loadArgs, socket), await nodePoint(directUrl, 64, o.loadArgs, socket)];
    const how = useWrk ? 'c=64 by wrk' : 'Node load generator';
    const sizes = JSON.stringify(slipway.ready.effective ?? {});
    return {
      generator: useWrk ? 'wrk' : 'node',
      idleRssMb,
      effective: slipway.ready.effective,
      targets: [
        { id: 'naive', label: `naive server: one session.run per request, ORT default threads (${how})`, args: ['bench/naive-server.ts'], mode: 'varied', idleRssMb: null, points: naivePoints },
        { id: 'default-gateway', label: `default config through the gateway (${how}; ${sizes})`, args: ['default config'], mode: 'varied', idleRssMb, points: gateway },
        { id: 'default-gateway-node', label: 'default config through the gateway (Node load generator)', args: ['default config'], mode: 'varied', idleRssMb: null, points: gatewayNode },
        { id: 'default-direct', label: 'default config, straight to the runtime (unix socket, Node load generator)', args: ['default config'], mode: 'varied', idleRssMb, points: direct },
      ],
    };
  } finally {
    await naive?.stop();
    await slipway?.stop();
  }
}
