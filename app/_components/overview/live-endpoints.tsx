'use client';
/**
 * Every endpoint's live figures, polled each second: status, throughput, p99, error rate, cache
 * hits, a 5 minute sparkline and the active rollout.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { overviewQuery, type EndpointOverview } from '../../_lib/queries/metrics';
import { ErrorAlert, Loading } from '../feedback';
import { formatMs, formatPct, formatRatioPct, formatRps, rolloutSummary, STATUS_LABEL } from './figures';
import styles from './overview.module.css';
import { Sparkline } from './sparkline';

const STATUS_CLASS: Record<EndpointOverview['status'], string> = {
  healthy: 'badge',
  degraded: `badge ${styles.degraded}`,
  'rolling-out': `badge ${styles.rolling}`,
};

function Row({ e }: { e: EndpointOverview }) {
  return (
    <tr>
      <th scope="row" className={styles.rowHead}>
        <Link href={`/endpoints/${encodeURIComponent(e.endpoint)}`}>{e.endpoint}</Link>
      </th>
      <td className={styles.nowrap}>
        <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link> v{e.stableVersion}
      </td>
      <td>
        <span className={STATUS_CLASS[e.status]}>{STATUS_LABEL[e.status]}</span>
        {e.statusReason && <span className={`muted ${styles.reason}`}>{e.statusReason}</span>}
      </td>
      <td className={styles.num}>{formatRps(e.rps)}</td>
      <td className={styles.num}>{formatMs(e.p99Ms)}</td>
      <td className={styles.num}>{formatPct(e.errorRatePct)}</td>
      <td className={styles.num}>{formatRatioPct(e.cacheHitRatio)}</td>
      <td>
        <Sparkline values={e.sparkline} label={`${e.endpoint}: requests per second over the last 5 minutes`} />
      </td>
      <td>{rolloutSummary(e.rollout)}</td>
    </tr>
  );
}

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
        <div className="table-wrap">
          <table aria-label="Live traffic">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col" className={styles.num}>Throughput (req/s)</th>
                <th scope="col" className={styles.num}>p99 (ms)</th>
                <th scope="col" className={styles.num}>Errors (%)</th>
                <th scope="col" className={styles.num}>Cache hits (%)</th>
                <th scope="col">Last 5 min</th>
                <th scope="col">Rollout</th>
              </tr>
            </thead>
            <tbody>
              {overview.data.endpoints.length === 0 && (
                <tr>
                  <td colSpan={9} className="empty">
                    No endpoints yet. <Link href="/endpoints">Create one</Link>.
                  </td>
                </tr>
              )}
              {overview.data.endpoints.map((e) => (
                <Row key={e.endpoint} e={e} />
              ))}
            </tbody>
          </table>
        </div>
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
