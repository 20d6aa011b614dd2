'use client';
import { useQuery } from '@tanstack/react-query';
import { DataTable, type Column } from '../../../../_components/ui/data-table';
import { formatTime } from '../../../../_lib/format';
import { rolloutListQuery, type Rollout } from '../../../../_lib/queries/rollouts';
import { PhaseBadge } from './badges';

const COLUMNS: Column<Rollout>[] = [
  { header: 'ID', cell: (r) => r.id },
  { header: 'Strategy', cell: (r) => r.strategy },
  { header: 'Versions', cell: (r) => `${r.stableVersion} → ${r.candidateVersion}` },
  { header: 'Phase', cell: (r) => <PhaseBadge phase={r.phase} /> },
  { header: 'Started by', cell: (r) => r.startedBy },
  { header: 'Started', cell: (r) => formatTime(r.createdAt) },
  { header: 'Finished', cell: (r) => (r.finishedAt ? formatTime(r.finishedAt) : '–') },
];

/** Every rollout of the endpoint, newest first, as the API lists them (the panel's query, shared). */
export function RolloutHistory({ name }: { name: string }) {
  const rollouts = useQuery(rolloutListQuery(name));
  if (!rollouts.isSuccess) return null;
  const items = rollouts.data.items;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Rollout history</h2>
      {items.length === 0 ? (
        <p className="muted flush">No rollouts yet.</p>
      ) : (
        <DataTable label="Rollout history" columns={COLUMNS} rows={items} rowKey={(r) => r.id} />
      )}
    </section>
  );
}
