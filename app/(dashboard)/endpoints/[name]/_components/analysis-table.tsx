import { DataTable, type Column } from '../../../../_components/ui/data-table';
import { formatTime } from '../../../../_lib/format';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import { VerdictBadge } from './badges';

type Metric = Rollout['checks'][number]['metrics'][number];

const METRIC_LABELS: Record<Metric['metric'], string> = { requests: 'Requests', errorRate: 'Error rate', p99Latency: 'p99 latency', agreement: 'Agreement' };
const UNITS: Record<Metric['metric'], string> = { requests: '', errorRate: '%', p99Latency: ' ms', agreement: '%' };
/** Which way the limit bounds the value, for the "value vs limit" text. */
const BOUND: Record<Metric['metric'], string> = { requests: '≥', errorRate: '≤', p99Latency: '≤', agreement: '≥' };

function show(value: number | null, unit: string): string {
  if (value === null) return '–';
  return `${Number.isInteger(value) ? value : value.toFixed(2)}${unit}`;
}

const COLUMNS: Column<Rollout['checks'][number]>[] = [
  { header: 'Time', cell: (check) => formatTime(new Date(check.atMs).toISOString()) },
  { header: 'Verdict', cell: (check) => <VerdictBadge verdict={check.verdict} /> },
  {
    header: 'Metrics (value vs limit)',
    cell: (check) => (
      <ul className="sig">
        {check.metrics.map((m) => (
          <li key={m.metric}>
            {METRIC_LABELS[m.metric]}: {show(m.value, UNITS[m.metric])}
            {m.limit !== null ? ` (${BOUND[m.metric]} ${show(m.limit, UNITS[m.metric])})` : ''} <VerdictBadge verdict={m.verdict} />
          </li>
        ))}
      </ul>
    ),
  },
  { header: 'Summary', cell: (check) => check.summary },
];

/** The candidate-vs-stable checks, latest first. */
export function AnalysisTable({ checks }: { checks: Rollout['checks'] }) {
  if (checks.length === 0) return <p className="muted">No analysis checks yet.</p>;
  const latestFirst = [...checks].sort((a, b) => b.atMs - a.atMs);
  return <DataTable label="Analysis results" columns={COLUMNS} rows={latestFirst} rowKey={(check) => check.atMs} />;
}
