/**
 * Pure formatting of a bench run: markdown tables, the (c)/(b) and (c)/(a) ratios, and the issue's
 * targets with PASS/MISS. Targets are reported, never asserted: a MISS does not fail the run.
 */
import type { BenchResult, InprocessBatch, InprocessResult, LoadPoint, TargetRun } from './types';

/** Which targets play which role in the ratios and goals. */
export interface Roles {
  batched: string;
  unbatched: string;
  cache: string;
  direct: string;
  gateway: string;
}

export const DEFAULT_ROLES: Roles = { batched: 'batched', unbatched: 'batching-off', cache: 'cache-hit', direct: 'direct-socket', gateway: 'gateway' };

const fixed = (value: number, digits: number) => value.toFixed(digits);
const ratio = (value: number | null) => (value === null ? 'n/a' : `${fixed(value, 2)}×`);

export function bestInprocess(inprocess: InprocessResult | null): InprocessBatch | null {
  if (!inprocess || inprocess.batches.length === 0) return null;
  return inprocess.batches.reduce((best, b) => (b.throughputPerSec > best.throughputPerSec ? b : best));
}

function pointAt(targets: TargetRun[], id: string, concurrency: number): LoadPoint | null {
  return targets.find((t) => t.id === id)?.points.find((p) => p.concurrency === concurrency) ?? null;
}

export function formatInprocessTable(inprocess: InprocessResult): string {
  const best = bestInprocess(inprocess);
  const rows = inprocess.batches.map(
    (b) =>
      `| ${b.batchSize}${b === best ? ' (best)' : ''} | ${fixed(b.throughputPerSec, 0)} | ${fixed(b.p50Ms, 2)} | ${fixed(b.p99Ms, 2)} | ${b.verdict} |`,
  );
  return [
    `In-process ONNX Runtime (${inprocess.intraOpThreads} intra-op threads, no HTTP):`,
    '',
    '| batch size | items/s | p50 ms/run | p99 ms/run | windows |',
    '|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

export function formatServedTable(targets: TargetRun[]): string {
  const rows = targets.flatMap((t) =>
    t.points.map(
      (p) =>
        `| ${t.label} | ${p.concurrency} | ${fixed(p.throughputPerSec, 0)} | ${fixed(p.p50Ms, 2)} | ${fixed(p.p99Ms, 2)} | ${p.errors} | ${p.verdict} (${p.windows}) |`,
    ),
  );
  return [
    '| target | concurrency | throughput (infer/s) | p50 ms | p99 ms | errors | windows |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

export interface RatioRow {
  concurrency: number;
  batchedOverUnbatched: number | null;
  batchedOverInprocess: number | null;
}

export function computeRatios(result: BenchResult, roles: Roles = DEFAULT_ROLES): RatioRow[] {
  const batched = result.targets.find((t) => t.id === roles.batched);
  const best = bestInprocess(result.inprocess);
  return (batched?.points ?? []).map((p) => {
    const unbatched = pointAt(result.targets, roles.unbatched, p.concurrency);
    return {
      concurrency: p.concurrency,
      batchedOverUnbatched: unbatched && unbatched.throughputPerSec > 0 ? p.throughputPerSec / unbatched.throughputPerSec : null,
      batchedOverInprocess: best && best.throughputPerSec > 0 ? p.throughputPerSec / best.throughputPerSec : null,
    };
  });
}

export function formatRatios(rows: RatioRow[]): string {
  return [
    '| concurrency | (c)/(b) batched ÷ batching off | (c)/(a) batched ÷ in-process best |',
    '|---:|---:|---:|',
    ...rows.map((r) => `| ${r.concurrency} | ${ratio(r.batchedOverUnbatched)} | ${ratio(r.batchedOverInprocess)} |`),
  ].join('\n');
}

export type GoalStatus = 'PASS' | 'MISS' | 'N/A';

export interface Goal {
  name: string;
  target: string;
  measured: string;
  status: GoalStatus;
}

function goal(name: string, target: string, measured: number | null, format: (v: number) => string, pass: (v: number) => boolean): Goal {
  if (measured === null || !Number.isFinite(measured)) return { name, target, measured: 'n/a', status: 'N/A' };
  return { name, target, measured: format(measured), status: pass(measured) ? 'PASS' : 'MISS' };
}

export function evaluateGoals(result: BenchResult, roles: Roles = DEFAULT_ROLES): Goal[] {
  const ratioAt64 = computeRatios(result, roles).find((r) => r.concurrency === 64);
  const batch1 = result.inprocess?.batches.find((b) => b.batchSize === 1) ?? null;
  const servedC1 = pointAt(result.targets, roles.batched, 1);
  const cacheC1 = pointAt(result.targets, roles.cache, 1);
  const rssMb = result.targets.find((t) => t.id === roles.batched)?.idleRssMb ?? null;
  const c1Budget = batch1 ? batch1.p50Ms + 1 : null;
  const [direct64, gateway64] = [pointAt(result.targets, roles.direct, 64), pointAt(result.targets, roles.gateway, 64)];
  const [direct1, gateway1] = [pointAt(result.targets, roles.direct, 1), pointAt(result.targets, roles.gateway, 1)];
  const gatewayShare = direct64 && gateway64 ? gateway64.throughputPerSec / direct64.throughputPerSec : null;
  const gatewayP50CostMs = direct1 && gateway1 ? gateway1.p50Ms - direct1.p50Ms : null;
  return [
    goal('dynamic batching vs batching off, c=64', '≥ 2.00×', ratioAt64?.batchedOverUnbatched ?? null, (v) => `${fixed(v, 2)}×`, (v) => v >= 2),
    goal('served c=64 vs in-process best batch', '≥ 80 %', ratioAt64?.batchedOverInprocess ?? null, (v) => `${fixed(v * 100, 0)} %`, (v) => v >= 0.8),
    goal(
      'served p50 at c=1',
      c1Budget === null ? '≤ in-process batch-1 p50 + 1 ms' : `≤ ${fixed(c1Budget, 2)} ms (in-process ${fixed(batch1!.p50Ms, 2)} + 1)`,
      servedC1?.p50Ms ?? null,
      (v) => `${fixed(v, 2)} ms`,
      (v) => c1Budget !== null && v <= c1Budget,
    ),
    goal('cache hit p50 at c=1', '≤ 0.50 ms', cacheC1?.p50Ms ?? null, (v) => `${fixed(v, 2)} ms`, (v) => v <= 0.5),
    goal('idle runtime RSS (demo model, after warm-up)', '≤ 200 MB', rssMb, (v) => `${fixed(v, 0)} MB`, (v) => v <= 200),
    goal('gateway throughput vs straight to the runtime, c=64', '≥ 90 %', gatewayShare, (v) => `${fixed(v * 100, 0)} %`, (v) => v >= 0.9),
    goal('gateway p50 cost at c=1', '≤ 0.50 ms', gatewayP50CostMs, (v) => `${fixed(v, 2)} ms`, (v) => v <= 0.5),
  ];
}

export function formatGoals(goals: Goal[]): string {
  return [
    '| target | goal | measured | result |',
    '|---|---|---|---|',
    ...goals.map((g) => `| ${g.name} | ${g.target} | ${g.measured} | ${g.status} |`),
  ].join('\n');
}

export function formatReport(result: BenchResult, roles: Roles = DEFAULT_ROLES): string {
  const m = result.machine;
  const sections = [
    `## Slipway bench, ${result.startedAt}`,
    `${m.cpus} × ${m.cpuModel}, ${m.totalMemMb} MB, Node ${m.node}; load average ${fixed(result.loadAverage.start, 2)} at start, ${fixed(result.loadAverage.end, 2)} at end`,
    result.inprocess ? formatInprocessTable(result.inprocess) : 'In-process ONNX Runtime: not measured.',
    'Served (closed loop, KServe v2 binary, one item per request):',
    formatServedTable(result.targets),
    'Ratios:',
    formatRatios(computeRatios(result, roles)),
    'Targets (reported, not asserted):',
    formatGoals(evaluateGoals(result, roles)),
  ];
  return `${sections.join('\n\n')}\n`;
}
