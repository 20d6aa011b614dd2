import { describe, expect, it } from 'vitest';
import { analyseWindow, type AnalysisSpec, type WindowMeasurement } from './analysis';

const spec: AnalysisSpec = { intervalSeconds: 10, minRequests: 20, maxErrorRatePct: 1, maxP99LatencyRatio: 1.5, p99SlackMs: 5, minAgreementPct: 95, failureLimit: 1 };
const w = (over: Partial<WindowMeasurement>): WindowMeasurement => ({
  fromMs: 0,
  toMs: 10_000,
  candidate: { requests: 100, errors: 0, p99Ms: 10 },
  stable: { requests: 900, errors: 0, p99Ms: 10 },
  ...over,
});

describe('analyseWindow', () => {
  it.each([
    { name: 'healthy candidate passes', win: w({}), verdict: 'pass', summary: 'all metrics within limits' },
    { name: 'too few requests is inconclusive, not a pass', win: w({ candidate: { requests: 19, errors: 0, p99Ms: 10 } }), verdict: 'inconclusive', summary: '19 candidate requests, need 20' },
    { name: 'no traffic at all is inconclusive', win: w({ candidate: { requests: 0, errors: 0 } }), verdict: 'inconclusive' },
    { name: 'error rate at the limit passes', win: w({ candidate: { requests: 100, errors: 1, p99Ms: 10 } }), verdict: 'pass' },
    { name: 'error rate over the limit fails', win: w({ candidate: { requests: 100, errors: 2, p99Ms: 10 } }), verdict: 'fail', summary: 'errorRate 2 beyond 1' },
    { name: 'p99 within ratio plus slack passes', win: w({ candidate: { requests: 100, errors: 0, p99Ms: 20 } }), verdict: 'pass' },
    { name: 'slow candidate fails on p99', win: w({ candidate: { requests: 100, errors: 0, p99Ms: 20.1 } }), verdict: 'fail', summary: 'p99Latency 20.1 beyond 20' },
    { name: 'errors even with too few requests are not judged', win: w({ candidate: { requests: 5, errors: 5 } }), verdict: 'inconclusive' },
    { name: 'stable without traffic: latency inconclusive, errors still judged', win: w({ stable: { requests: 0, errors: 0 } }), verdict: 'pass' },
    { name: 'shadow agreement below the minimum fails', win: w({ agreement: { compared: 100, agreed: 90 } }), verdict: 'fail', summary: 'agreement 90 beyond 95' },
    { name: 'shadow agreement at the minimum passes', win: w({ agreement: { compared: 100, agreed: 95 } }), verdict: 'pass' },
    { name: 'too few comparisons leave agreement inconclusive', win: w({ agreement: { compared: 10, agreed: 0 } }), verdict: 'pass' },
  ])('$name', ({ win, verdict, summary }) => {
    const check = analyseWindow(spec, win, 10_000);
    expect(check.verdict).toBe(verdict);
    if (summary) expect(check.summary).toBe(summary);
    expect(check.fromMs).toBe(0);
    expect(check.toMs).toBe(10_000);
  });

  it('keeps every measurement for inspection', () => {
    const check = analyseWindow(spec, w({ candidate: { requests: 100, errors: 3, p99Ms: 40 } }), 1);
    expect(check.metrics).toEqual([
      { metric: 'requests', value: 100, limit: 20, verdict: 'pass' },
      { metric: 'errorRate', value: 3, limit: 1, verdict: 'fail' },
      { metric: 'p99Latency', value: 40, limit: 20, verdict: 'fail' },
    ]);
  });
});
