/**
 * wrk (Debian's package) as the bench's load generator for TCP targets: written in C with its own
 * event loop, it does not starve the target of a 2-core machine the way a Node client does. The
 * request body is a file a generated Lua script reads once. `parseWrkOutput` is pure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoadPoint } from './types';

export function wrkAvailable(): boolean {
  const r = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  // wrk prints its version and usage and exits 1; ENOENT means it is not installed.
  return !r.error;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: cannot read the duration ${JSON.stringify(text)}`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/** Throughput, percentiles (needs `--latency`) and errors from wrk's report. */
export function parseWrkOutput(text: string, concurrency: number): LoadPoint {
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(text);
    if (!m) throw new Error(`wrk: no ${p}% line (run with --latency)`);
    return durationMs(m[1]!);
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  const total = /^\s*(\d+) requests in /m.exec(text);
  const mean = /^\s*Latency\s+(\S+)/m.exec(text);
  if (!rps || !total || !mean) throw new Error('wrk: unexpected output');
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return {
    concurrency,
    throughputPerSec: Number(rps[1]),
    p50Ms: pct('50'),
    p90Ms: pct('90'),
    p99Ms: pct('99'),
    meanMs: durationMs(mean[1]!),
    calls: Number(total[1]),
    errors,
    windows: 1,
    // One fixed-length run: wrk has no windows to compare, so stability is not judged.
    verdict: 'exhausted',
  };
}

/** One closed-loop point: `concurrency` connections on one thread per core (at most 2), `seconds` long; a slow answer is latency, not an error (30 s timeout, not wrk's 2 s). */
export async function runWrk(o: { url: string; body: Buffer; headers: Record<string, string>; concurrency: number; seconds: number }): Promise<LoadPoint> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'slipway-wrk-'));
  try {
    const bodyFile = path.join(dir, 'body.bin');
    await writeFile(bodyFile, o.body);
    const headers = Object.entries(o.headers)
      .filter(([k]) => k.toLowerCase() !== 'content-length')
      .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
      .join('\n');
    const script = path.join(dir, 'post.lua');
    await writeFile(script, `local f = io.open(${JSON.stringify(bodyFile)}, "rb")\nwrk.method = "POST"\nwrk.body = f:read("*all")\nf:close()\n${headers}\n`);
    const threads = Math.max(1, Math.min(2, o.concurrency));
    const args = ['-t', String(threads), '-c', String(o.concurrency), '-d', `${o.seconds}s`, '--timeout', '30s', '--latency', '-s', script, o.url];
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
    });
    return parseWrkOutput(out, o.concurrency);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
