/**
 * One measurement point: a closed loop of `concurrency` clients against a scratch runtime's unix
 * socket (keep-alive, one connection each), a warm-up, then a window whose answers count.
 * Non-200 answers and socket errors count as errors (and then the point breaks the SLA).
 */
import http from 'node:http';
import type { SyntheticRequest } from './synthetic-request';

export interface PointResult {
  throughputPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export function percentileMs(sortedMs: readonly number[], q: number): number {
  if (!sortedMs.length) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.max(0, Math.ceil(q * sortedMs.length) - 1))]!;
}

function once(agent: http.Agent, socketPath: string, path: string, request: SyntheticRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path, method: 'POST', agent, headers: { ...request.headers, 'content-length': String(request.body.length) } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end(request.body);
  });
}

export async function measurePoint(o: { socketPath: string; model: string; request: SyntheticRequest; concurrency: number; warmupMs: number; windowMs: number; signal?: AbortSignal }): Promise<PointResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const path = `/v2/models/${encodeURIComponent(o.model)}/infer`;
  const start = performance.now();
  const windowStart = start + o.warmupMs;
  const windowEnd = windowStart + o.windowMs;
  const latenciesMs: number[] = [];
  let errors = 0;
  const client = async () => {
    while (!o.signal?.aborted) {
      const t0 = performance.now();
      if (t0 >= windowEnd) return;
      const ok = await once(agent, o.socketPath, path, o.request);
      const t1 = performance.now();
      // A request counts when it started inside the window (closed loop: none overlap the end by much).
      if (t0 >= windowStart) {
        if (ok) latenciesMs.push(t1 - t0);
        else errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, client));
  } finally {
    agent.destroy();
  }
  latenciesMs.sort((a, b) => a - b);
  return {
    throughputPerSec: latenciesMs.length / (o.windowMs / 1000),
    p50Ms: percentileMs(latenciesMs, 0.5),
    p99Ms: percentileMs(latenciesMs, 0.99),
    errors,
  };
}
