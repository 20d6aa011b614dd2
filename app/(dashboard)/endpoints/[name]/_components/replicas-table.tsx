'use client';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../../_components/feedback';
import { formatTime } from '../../../../_lib/format';
import { replicasQuery } from '../../../../_lib/queries/replicas';
import { ReplicaStateBadge } from './badges';
import styles from './rollout.module.css';

/** The runtime processes behind the endpoint, as the supervisor sees them (polled every 2 s). */
export function ReplicasTable({ name }: { name: string }) {
  const replicas = useQuery(replicasQuery(name));
  const items = replicas.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="replicas-heading">
      <h2 id="replicas-heading">Replicas</h2>
      {replicas.isError && <ErrorAlert error={replicas.error} />}
      <div className="table-wrap">
        <table aria-label="Replicas">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Replica</th>
              <th scope="col">State</th>
              <th scope="col">PID</th>
              <th scope="col">Restarts</th>
              <th scope="col">Last error</th>
              <th scope="col">Last healthy</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={`${r.version}-${r.replica}`}>
                <td>{r.version}</td>
                <td>{r.replica}</td>
                <td>
                  <ReplicaStateBadge state={r.state} />
                </td>
                <td className="mono">{r.pid ?? '–'}</td>
                <td>{r.restarts}</td>
                <td>
                  {r.lastError ? (
                    <span className={styles.truncate} title={r.lastError}>
                      {r.lastError}
                    </span>
                  ) : (
                    '–'
                  )}
                </td>
                <td>{r.lastHealthyAt ? formatTime(r.lastHealthyAt) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {replicas.isSuccess && items.length === 0 && <p className="empty">No runtime processes.</p>}
        {replicas.isPending && <p className="empty">Loading replicas…</p>}
      </div>
    </section>
  );
}
