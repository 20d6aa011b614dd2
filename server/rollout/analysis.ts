/**
 * Analysis verdicts: compares the candidate with stable over the same window. Too few candidate
 * requests is inconclusive (neither a pass nor a failure), as in Argo's `inconclusive` phase.
 * Pure and table-tested; the controller supplies the window's measurements.
 */
export interface AnalysisSpec {
  intervalSeconds: number;
  minRequests: number;
  maxErrorRatePct: number;
  /** Candidate p99 may be at most stable p99 × ratio + slack. */
  maxP99LatencyRatio: number;
  p99SlackMs: number;
  /** Shadow/output agreement, where compared pairs exist. */
  minAgreementPct: number;
  /** More failed checks than this aborts the rollout. */
  failureLimit: number;
}

export interface SideMeasurement {
  requests: number;
  errors: number;
  /** Undefined when there were no requests. */
  p99Ms?: number;
}

export interface WindowMeasurement {
  fromMs: number;
  toMs: number;
  candidate: SideMeasurement;
  stable: SideMeasurement;
  /** Shadow comparisons in the window, when mirroring is on. */
  agreement?: { compared: number; agreed: number };
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface MetricResult {
  metric: 'requests' | 'errorRate' | 'p99Latency' | 'agreement';
  value: number | null;
  limit: number | null;
  verdict: Verdict;
}

export interface AnalysisCheck {
  atMs: number;
  fromMs: number;
  toMs: number;
  verdict: Verdict;
  metrics: MetricResult[];
  /** One line for people: why it failed or was inconclusive. */
  summary: string;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function analyseWindow(spec: AnalysisSpec, w: WindowMeasurement, nowMs: number): AnalysisCheck {
  const metrics: MetricResult[] = [];
  const c = w.candidate;
  const enough = c.requests >= spec.minRequests;
  metrics.push({ metric: 'requests', value: c.requests, limit: spec.minRequests, verdict: enough ? 'pass' : 'inconclusive' });

  if (enough) {
    const errorRatePct = c.requests > 0 ? (100 * c.errors) / c.requests : 0;
    metrics.push({ metric: 'errorRate', value: round(errorRatePct), limit: spec.maxErrorRatePct, verdict: errorRatePct <= spec.maxErrorRatePct ? 'pass' : 'fail' });

    if (c.p99Ms !== undefined && w.stable.p99Ms !== undefined && w.stable.requests > 0) {
      const limit = w.stable.p99Ms * spec.maxP99LatencyRatio + spec.p99SlackMs;
      metrics.push({ metric: 'p99Latency', value: round(c.p99Ms), limit: round(limit), verdict: c.p99Ms <= limit ? 'pass' : 'fail' });
    } else {
      metrics.push({ metric: 'p99Latency', value: c.p99Ms ?? null, limit: null, verdict: 'inconclusive' });
    }
  }
  if (w.agreement && w.agreement.compared > 0) {
    const pct = (100 * w.agreement.agreed) / w.agreement.compared;
    const verdict: Verdict = w.agreement.compared < spec.minRequests ? 'inconclusive' : pct >= spec.minAgreementPct ? 'pass' : 'fail';
    metrics.push({ metric: 'agreement', value: round(pct), limit: spec.minAgreementPct, verdict });
  }

  const failed = metrics.filter((m) => m.verdict === 'fail');
  const verdict: Verdict = failed.length > 0 ? 'fail' : !enough ? 'inconclusive' : 'pass';
  const summary =
    verdict === 'fail'
      ? failed.map((m) => `${m.metric} ${m.value} beyond ${m.limit}`).join('; ')
      : verdict === 'inconclusive'
        ? `${c.requests} candidate requests, need ${spec.minRequests}`
        : 'all metrics within limits';
  return { atMs: nowMs, fromMs: w.fromMs, toMs: w.toMs, verdict, metrics, summary };
}
