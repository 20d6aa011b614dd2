/**
 * The autoscaling form's values (strings, as typed) and the policy sent to the API, plus the
 * chart rows and the "at capacity" sentence. Pure; numbers go to the API as typed so that its
 * validation message is the one shown.
 */
import { AUTOSCALING_DEFAULTS, type AutoscalingMetric } from '../../../../../../server/autoscaling/defaults';
import type { AutoscalingPolicy, ScalingStatus } from '../../../../../_lib/queries/scaling';

export interface PolicyFormValues {
  minReplicas: string;
  maxReplicas: string;
  metric: AutoscalingMetric;
  target: string;
  upscaleDelaySeconds: string;
  downscaleDelaySeconds: string;
  lookbackSeconds: string;
}

export function policyFormValues(policy: AutoscalingPolicy | null, replicas: number): PolicyFormValues {
  return {
    minReplicas: String(policy?.minReplicas ?? 1),
    maxReplicas: String(policy?.maxReplicas ?? Math.max(2, replicas)),
    metric: policy?.metric ?? 'inflight',
    target: String(policy?.target ?? 4),
    upscaleDelaySeconds: String(policy?.upscaleDelaySeconds ?? AUTOSCALING_DEFAULTS.upscaleDelaySeconds),
    downscaleDelaySeconds: String(policy?.downscaleDelaySeconds ?? AUTOSCALING_DEFAULTS.downscaleDelaySeconds),
    lookbackSeconds: String(policy?.lookbackSeconds ?? AUTOSCALING_DEFAULTS.lookbackSeconds),
  };
}

export function policyOf(v: PolicyFormValues): AutoscalingPolicy {
  return {
    minReplicas: Number(v.minReplicas),
    maxReplicas: Number(v.maxReplicas),
    metric: v.metric,
    target: Number(v.target),
    upscaleDelaySeconds: Number(v.upscaleDelaySeconds),
    downscaleDelaySeconds: Number(v.downscaleDelaySeconds),
    lookbackSeconds: Number(v.lookbackSeconds),
  };
}

export const METRIC_LABELS: Record<AutoscalingMetric, string> = {
  inflight: 'In-flight requests per replica',
  queue: 'Queued requests per replica',
  p99: 'p99 latency (ms)',
};

/** "At capacity: load asks for 4 replicas, the host budget allows 2 (3 of 3 cores in use, 1 per replica)". */
export function capacitySentence(s: ScalingStatus): string | null {
  const h = s.heldBack;
  if (!h) return null;
  const gpus = h.budgetGpus > 0 || h.usedGpus > 0 ? `, ${h.usedGpus} of ${h.budgetGpus} GPUs` : '';
  return `At capacity: load asks for ${h.wantedReplicas} replicas, the host budget allows ${h.allowedReplicas} (${h.usedCores} of ${h.budgetCores} cores in use${gpus}, ${h.coresPerReplica} per replica)`;
}

export interface ReplicaRow {
  t: number;
  desired: number;
  [version: `v${number}`]: number;
}

/** Step rows per sample, every version present in each (0 where none was ready), plus a last row at `nowMs`. */
export function replicaRows(s: ScalingStatus, nowMs: number): { rows: ReplicaRow[]; versions: string[] } {
  const versions = [...new Set(s.samples.flatMap((x) => Object.keys(x.ready)))].sort((a, b) => Number(a) - Number(b));
  const rows = s.samples.map((x) => {
    const row: ReplicaRow = { t: x.t, desired: x.desiredReplicas };
    for (const v of versions) row[`v${Number(v)}`] = x.ready[v] ?? 0;
    return row;
  });
  const last = rows.at(-1);
  if (last && last.t < nowMs) rows.push({ ...last, t: nowMs });
  return { rows, versions };
}

/** "1 → 2 replicas: load (inflight 3.2 against a target of 1.5)". */
export function eventSentence(e: ScalingStatus['events'][number]): string {
  const figure = e.value !== null ? ` (${e.metric} ${Math.round(e.value * 100) / 100} against a target of ${e.target})` : '';
  return `${e.fromReplicas} → ${e.toReplicas} replicas: ${e.reason}${figure}`;
}
