'use client';
/**
 * Every endpoint's live figures, polled each second: status, throughput, p99, error rate, cache
 * hits, a 5 minute sparkline and the active rollout.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { overviewQuery, type EndpointOverview } from '../../_lib/queries/metrics';
import { ErrorAlert, Loading } from '../feedback';
import { DataTable, type Column } from '../ui/data-table';
import { formatMs, formatPct, formatRatioPct, formatRps, rolloutSummary } from './figures';
import { StatusBadge } from './status-badge';
import styles from './overview.module.css';
import { Sparkline } from './sparkline';


const COLUMNS: Column<EndpointOverview>[] = [
  { header: 'Endpoint', rowHeader: true, className: styles.rowHead, cell: (e) => <Link href={`/endpoints/${encodeURIComponent(e.endpoint)}`}>{e.endpoint}</Link> },
  {
    header: 'Model',
    className: styles.nowrap,
    cell: (e) => (
      <>
        <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link> v{e.stableVersion}
      </>
    ),
  },
  { header: 'Status', cell: (e) => <StatusBadge e={e} /> },
  { header: 'Throughput (req/s)', className: styles.num, cell: (e) => formatRps(e.rps) },
  { header: 'p99 (ms)', className: styles.num, cell: (e) => formatMs(e.p99Ms) },
  { header: 'Errors (%)', className: styles.num, cell: (e) => formatPct(e.errorRatePct) },
  { header: 'Cache hits (%)', className: styles.num, cell: (e) => formatRatioPct(e.cacheHitRatio) },
  { header: 'Last 5 min', cell: (e) => <Sparkline values={e.sparkline} label={`${e.endpoint}: requests per second over the last 5 minutes`} /> },
  { header: 'Rollout', cell: (e) => rolloutSummary(e.rollout) },
  // Desired follows the autoscaler; 0 / 0 is an endpoint scaled to zero on purpose.
  { header: 'Replicas (ready / desired)', className: styles.num, cell: (e) => `${e.readyReplicas} / ${e.desiredReplicas}` },
];

export function LiveEndpoints() {
  const overview = useQuery(overviewQuery());
  return (
    <section aria-labelledby="live-heading">
      <h2 id="live-heading">Live traffic</h2>
      {overview.isPending ? (
        <Loading what="live figures" />
      ) : overview.isError && !overview.data ? (
        <ErrorAlert error={overview.error} />
      ) : (
        <DataTable
          label="Live traffic"
          columns={COLUMNS}
          rows={overview.data.endpoints}
          rowKey={(e) => e.endpoint}
          empty={
            <>
              No endpoints yet. <Link href="/endpoints">Create one</Link>.
            </>
          }
        />
      )}
      {overview.data && overview.data.gpus.length > 0 && (
        <ul className="muted" aria-label="GPUs">
          {overview.data.gpus.map((g) => (
            <li key={g.index}>
              GPU {g.index} {g.name}: {formatPct(g.utilizationPct)} % busy, {g.memoryUsedMiB ?? '—'} / {g.memoryTotalMiB ?? '—'} MiB
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
