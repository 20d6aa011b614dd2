import { describe, expect, it } from 'vitest';
import { parseWrkOutput } from './wrk';

// Recorded from wrk 4.1.0 (Debian) with --latency against a local server.
const CLEAN = `Running 1s test @ http://127.0.0.1:18777/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.52ms    2.43ms  20.18ms   78.22%
    Req/Sec     1.21k    99.71     1.37k    60.00%
  Latency Distribution
     50%    2.83ms
     75%    4.68ms
     90%    6.62ms
     99%   12.32ms
  1198 requests in 1.00s, 1.95MB read
Requests/sec:   1196.43
Transfer/sec:      1.95MB
`;

const WITH_ERRORS = `Running 10s test @ http://127.0.0.1:8000/v2/models/demo/infer
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.10ms   12.00ms 250.00ms   80.00%
    Req/Sec   800.00    100.00     1.00k    70.00%
  Latency Distribution
     50%  412.00us
     75%   45.00ms
     90%   60.00ms
     99%    1.20s
  16000 requests in 10.00s, 5.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   1600.00
Transfer/sec:    512.00KB
`;

describe('parseWrkOutput', () => {
  it.each([
    ['a clean run', CLEAN, { throughputPerSec: 1196.43, p50Ms: 2.83, p90Ms: 6.62, p99Ms: 12.32, meanMs: 3.52, calls: 1198, errors: 0 }],
    ['socket errors and non-2xx answers, µs and s units', WITH_ERRORS, { throughputPerSec: 1600, p50Ms: 0.412, p99Ms: 1200, calls: 16000, errors: 12 }],
  ])('%s', (_name, text, expected) => {
    const point = parseWrkOutput(text, 4);
    for (const [key, value] of Object.entries(expected)) expect(point[key as keyof typeof point]).toBeCloseTo(value as number, 6);
    expect(point.concurrency).toBe(4);
  });

  it('refuses output without the latency distribution', () => {
    expect(() => parseWrkOutput(CLEAN.replace(/ {5}\d\d%.*\n/g, ''), 1)).toThrow(/--latency/);
  });
});
