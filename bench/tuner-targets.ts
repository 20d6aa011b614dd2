/**
 * Issue 11's tuner targets, judged from one run of the tuner and one of the full sweep on the same
 * machine: the tuner's best throughput within the p99 SLA ≥ 0.95 × the sweep's, in ≤ 1/3 of its
 * wall time. Pure: summaries, ratios, PASS/MISS lines and the markdown table.
 */
import { bestConfig, candidateKey, describeCandidate, type BestConfig, type Measurement } from '../server/tuning/search';

export interface SearchRun {
  label: string;
  measurements: Measurement[];
  /** From the first step to the last scratch runtime retired, start-ups included. */
  wallMs: number;
}

export interface RunSummary {
  label: string;
  candidates: number;
  points: number;
  wallMs: number;
  /** The config the tuner would apply from these points; undefined when none met the SLA. */
  best: BestConfig | undefined;
}

export const THROUGHPUT_TARGET = 0.95;
export const TIME_TARGET = 1 / 3;
/** Figures are compared as printed, not as floats round them. */
const EPS = 1e-9;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function summarize(run: SearchRun, p99Ms: number): RunSummary {
  return {
    label: run.label,
    candidates: new Set(run.measurements.map((m) => candidateKey(m.candidate))).size,
    points: run.measurements.length,
    wallMs: run.wallMs,
    best: bestConfig(run.measurements, p99Ms),
  };
}

export interface TunerRatios {
  /** Tuner best / sweep best throughput; undefined unless both found a config within the SLA. */
  throughput: number | undefined;
  time: number;
}

export function tunerRatios(tuner: RunSummary, sweep: RunSummary): TunerRatios {
  const throughput = tuner.best && sweep.best ? tuner.best.throughputPerSec / sweep.best.throughputPerSec : undefined;
  return { throughput, time: tuner.wallMs / sweep.wallMs };
}

export function tunerVerdicts(tuner: RunSummary, sweep: RunSummary, p99Ms: number): string[] {
  const r = tunerRatios(tuner, sweep);
  const sla = `p99 ≤ ${p99Ms} ms`;
  const lines: string[] = [];
  if (r.throughput !== undefined) {
    lines.push(`${verdict(r.throughput >= THROUGHPUT_TARGET - EPS)} tuner best ${f1(tuner.best!.throughputPerSec)}/s = ${f2(r.throughput)} × the full sweep's best ${f1(sweep.best!.throughputPerSec)}/s, both at ${sla} (target ≥ ${THROUGHPUT_TARGET})`);
  } else if (sweep.best) {
    lines.push(`MISS the tuner found no config at ${sla}; the full sweep's best is ${f1(sweep.best.throughputPerSec)}/s (target ≥ ${THROUGHPUT_TARGET} × that)`);
  } else {
    lines.push(`no throughput verdict: ${tuner.best ? 'only the tuner' : 'neither search'} found a config at ${sla}`);
  }
  lines.push(`${verdict(r.time <= TIME_TARGET + EPS)} tuner ${seconds(tuner.wallMs)} = ${f2(r.time)} × the full sweep's ${seconds(sweep.wallMs)} (${tuner.points} vs ${sweep.points} points; target ≤ 1/3)`);
  return lines;
}

export function tunerTable(rows: readonly RunSummary[]): string {
  const out = ['| search | candidates | points | wall time | best config | throughput | p99 | clients |', '|---|---|---|---|---|---|---|---|'];
  for (const s of rows) {
    const b = s.best;
    const best = b ? `${describeCandidate(b.candidate)} | ${f1(b.throughputPerSec)}/s | ${f2(b.p99Ms)} ms | ${b.concurrency}` : '— (none within the SLA) | — | — | —';
    out.push(`| ${s.label} | ${s.candidates} | ${s.points} | ${seconds(s.wallMs)} | ${best} |`);
  }
  return out.join('\n');
}
