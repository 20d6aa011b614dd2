import { formatTime } from '../../../../_lib/format';
import type { Rollout } from '../../../../_lib/queries/rollouts';
import { PhaseBadge } from './badges';

/** Every rollout of the endpoint, newest first, as the API lists them. */
export function RolloutHistory({ items }: { items: Rollout[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Rollout history</h2>
      {items.length === 0 ? (
        <p className="muted flush">No rollouts yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Rollout history">
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">Strategy</th>
                <th scope="col">Versions</th>
                <th scope="col">Phase</th>
                <th scope="col">Started by</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{r.strategy}</td>
                  <td>
                    {r.stableVersion} → {r.candidateVersion}
                  </td>
                  <td>
                    <PhaseBadge phase={r.phase} />
                  </td>
                  <td>{r.startedBy}</td>
                  <td>{formatTime(r.createdAt)}</td>
                  <td>{r.finishedAt ? formatTime(r.finishedAt) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
