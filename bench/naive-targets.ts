/**
 * Issue 11's targets, judged from one bench run (side by side, same machine, same minute): the
 * default config through the gateway against the in-process limit and the naive server, c=1
 * latency against the naive server, the gateway against straight-to-runtime, idle memory. Pure.
 */
import type { LoadPoint } from './types';

export interface NaiveComparison {
  /** Best in-process throughput over the batch sweep (items/s); undefined when not measured. */
  inprocessBestPerSec: number | undefined;
  naive: LoadPoint[];
  /** The default endpoint through the gateway, measured by the throughput load generator (wrk when installed). */
  gateway: LoadPoint[];
  /** The same, measured by the Node load generator, for the like-for-like ratio with `direct`. */
  gatewayNode: LoadPoint[];
  /** The default endpoint's runtime straight over its unix socket (Node load generator). */
  direct: LoadPoint[];
  idleRssMb: number | null;
}

const at = (points: LoadPoint[], c: number) => points.find((p) => p.concurrency === c);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
/** Figures are compared as printed: 0.92 − 0.62 is not above 0.3 however floats round it. */
const EPS = 1e-9;
const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

export function naiveVerdicts(c: NaiveComparison): string[] {
  const lines: string[] = [];
  const [g64, n64, g1, n1, d1, gn64, d64] = [at(c.gateway, 64), at(c.naive, 64), at(c.gateway, 1), at(c.naive, 1), at(c.direct, 1), at(c.gatewayNode, 64), at(c.direct, 64)];
  if (g64 && c.inprocessBestPerSec) {
    const r = g64.throughputPerSec / c.inprocessBestPerSec;
    lines.push(`${verdict(r >= 0.8 - EPS)} default config through the gateway, c=64: ${f1(g64.throughputPerSec)}/s = ${f2(r)} × the in-process best ${f1(c.inprocessBestPerSec)}/s (target ≥ 0.80)`);
  }
  if (g64 && n64) {
    const r = g64.throughputPerSec / n64.throughputPerSec;
    lines.push(`${verdict(r >= 1.5 - EPS)} default config through the gateway, c=64: ${f2(r)} × the naive server's ${f1(n64.throughputPerSec)}/s (target ≥ 1.5)`);
  }
  if (g1 && n1) {
    const d = g1.p50Ms - n1.p50Ms;
    lines.push(`${verdict(d <= 0.3 + EPS)} c=1 p50 through the gateway ${f2(g1.p50Ms)} ms vs naive ${f2(n1.p50Ms)} ms (${d >= 0 ? '+' : ''}${f2(d)} ms; target ≤ +0.3 ms)`);
  }
  if (d1 && n1) {
    const d = d1.p50Ms - n1.p50Ms;
    lines.push(`${verdict(d <= 0.15 + EPS)} c=1 p50 straight to the runtime ${f2(d1.p50Ms)} ms vs naive ${f2(n1.p50Ms)} ms (${d >= 0 ? '+' : ''}${f2(d)} ms; target ≤ +0.15 ms)`);
  }
  if (gn64 && d64) {
    const r = gn64.throughputPerSec / d64.throughputPerSec;
    lines.push(`${verdict(r >= 0.95 - EPS)} gateway at c=64 ${f1(gn64.throughputPerSec)}/s = ${(r * 100).toFixed(0)} % of straight-to-runtime ${f1(d64.throughputPerSec)}/s (same load generator; target ≥ 95 %)`);
  }
  if (c.idleRssMb !== null) lines.push(`${verdict(c.idleRssMb <= 200)} idle runtime RSS ${f1(c.idleRssMb)} MB (target ≤ 200 MB)`);
  return lines;
}

/** One markdown row per target: c=64 throughput, c=1 p50, and the ratios to the naive server and the in-process best. */
export function naiveTable(rows: { label: string; points: LoadPoint[] }[], naive: LoadPoint[], inprocessBestPerSec: number | undefined): string {
  const n64 = at(naive, 64)?.throughputPerSec;
  const out = ['| what | c=64 throughput | c=1 p50 | × naive (c=64) | × in-process best |', '|---|---|---|---|---|'];
  for (const { label, points } of rows) {
    const t = at(points, 64)?.throughputPerSec;
    const p = at(points, 1)?.p50Ms;
    out.push(`| ${label} | ${t === undefined ? '—' : `${f1(t)}/s`} | ${p === undefined ? '—' : `${f2(p)} ms`} | ${t && n64 ? f2(t / n64) : '—'} | ${t && inprocessBestPerSec ? f2(t / inprocessBestPerSec) : '—'} |`);
  }
  return out.join('\n');
}
