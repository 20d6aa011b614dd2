'use client';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../../_components/feedback';
import { DataTable, type Column } from '../../../../_components/ui/data-table';
import { formatTime } from '../../../../_lib/format';
import { replicasQuery, type Replica } from '../../../../_lib/queries/replicas';
import { ReplicaStateBadge } from './badges';
import styles from './rollout.module.css';

const COLUMNS: Column<Replica>[] = [
  { header: 'Version', cell: (r) => r.version },
  { header: 'Replica', cell: (r) => r.replica },
  { header: 'State', cell: (r) => <ReplicaStateBadge state={r.state} /> },
  { header: 'PID', cell: (r) => r.pid ?? '–', className: 'mono' },
  { header: 'Restarts', cell: (r) => r.restarts },
  {
    header: 'Last error',
    cell: (r) =>
      r.lastError ? (
        <span className={styles.truncate} title={r.lastError}>
          {r.lastError}
        </span>
      ) : (
        '–'
      ),
  },
  { header: 'Last healthy', cell: (r) => (r.lastHealthyAt ? formatTime(r.lastHealthyAt) : '–') },
];

/** The runtime processes behind the endpoint, as the supervisor sees them (polled every 2 s). */
export function ReplicasTable({ name }: { name: string }) {
  const replicas = useQuery(replicasQuery(name));
  return (
    <section className="card" aria-labelledby="replicas-heading">
      <h2 id="replicas-heading">Replicas</h2>
      {replicas.isError && <ErrorAlert error={replicas.error} />}
      <DataTable
        label="Replicas"
        columns={COLUMNS}
        rows={replicas.data?.items ?? []}
        rowKey={(r) => `${r.version}-${r.replica}`}
        empty={replicas.isPending ? 'Loading replicas…' : 'No runtime processes.'}
      />
    </section>
  );
}
