'use client';
/**
 * What on-call looks at first: the endpoint's status (with the reason when it is not healthy),
 * throughput, p99 and error rate over the last seconds, from the overview's live figures.
 */
import { useQuery } from '@tanstack/react-query';
import { formatMs, formatPct, formatRps } from '../../../../_components/overview/figures';
import { StatusBadge } from '../../../../_components/overview/status-badge';
import { overviewQuery } from '../../../../_lib/queries/metrics';

export function EndpointHealth({ name }: { name: string }) {
  const live = useQuery({ ...overviewQuery(), select: (o) => o.endpoints.find((e) => e.endpoint === name) ?? null });
  const e = live.data;
  const figures = [
    { label: 'Throughput', value: e ? formatRps(e.rps) : '…', unit: 'req/s' },
    { label: 'p99 latency', value: e ? formatMs(e.p99Ms) : '…', unit: 'ms' },
    { label: 'Errors', value: e ? formatPct(e.errorRatePct) : '…', unit: '%' },
  ];
  return (
    <section className="stats" aria-label="Health">
      <div className="card">
        <h2>Status</h2>
        <div className="stat-line">{e ? <StatusBadge e={e} /> : <span className="muted">…</span>}</div>
      </div>
      {figures.map((f) => (
        <div key={f.label} className="card" role="group" aria-label={f.label}>
          <h2>{f.label}</h2>
          <div className="stat">
            {f.value} <span className="muted stat-unit">{f.unit}</span>
          </div>
        </div>
      ))}
    </section>
  );
}
