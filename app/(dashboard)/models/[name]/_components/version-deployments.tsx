'use client';
/**
 * The model page's deployment table: per version, the endpoints it is stable on, the active
 * rollouts trying it, and its rollout history. Reads every endpoint of the model and their rollouts.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { ErrorAlert, Loading } from '../../../../_components/feedback';
import { DataTable, type Column } from '../../../../_components/ui/data-table';
import { formatTime } from '../../../../_lib/format';
import { endpointListQuery } from '../../../../_lib/queries/endpoints';
import { versionsQuery } from '../../../../_lib/queries/models';
import { rolloutListQuery, type Rollout } from '../../../../_lib/queries/rollouts';
import { versionDeployments, type VersionDeployment } from './deployments';

const endpointLink = (name: string) => <Link href={`/endpoints/${encodeURIComponent(name)}`}>{name}</Link>;

function RolloutLine({ r }: { r: Rollout }) {
  const weight = r.strategy === 'shadow' ? '' : ` · ${r.weightPct} %`;
  return (
    <li>
      {r.strategy} on {endpointLink(r.endpoint)} · <span className="badge archived">{r.phase}</span>
      {weight} · <span className="muted">{formatTime(r.createdAt)}{r.finishedAt ? ` → ${formatTime(r.finishedAt)}` : ''}</span>
    </li>
  );
}

const COLUMNS: Column<VersionDeployment>[] = [
  { header: 'Version', cell: (d) => d.version },
  { header: 'Stable on', cell: (d) => (d.stableOn.length === 0 ? '—' : d.stableOn.map((name, i) => <span key={name}>{i > 0 && ', '}{endpointLink(name)}</span>)) },
  {
    header: 'Candidate on',
    cell: (d) =>
      d.candidateOn.length === 0
        ? '—'
        : d.candidateOn.map((r) => (
            <span key={r.id}>
              {r.strategy} on {endpointLink(r.endpoint)} ({r.phase}
              {r.strategy === 'shadow' ? '' : `, ${r.weightPct} %`})
            </span>
          )),
  },
  {
    header: 'Rollout history',
    cell: (d) =>
      d.history.length === 0 ? (
        '—'
      ) : (
        <ul className="sig" aria-label={`Rollouts of version ${d.version}`}>
          {d.history.map((r) => (
            <RolloutLine key={r.id} r={r} />
          ))}
        </ul>
      ),
  },
];

export function VersionDeployments({ model }: { model: string }) {
  const versions = useQuery(versionsQuery(model));
  const endpoints = useQuery(endpointListQuery());
  const ours = useMemo(() => (endpoints.data?.items ?? []).filter((e) => e.model === model), [endpoints.data, model]);
  const rollouts = useQueries({ queries: ours.map((e) => rolloutListQuery(e.name)) });
  const rolloutItems = rollouts.flatMap((q) => q.data?.items ?? []);
  // A missing model is the page's own message; nothing to add here.
  if (versions.isError) return null;
  if (versions.isPending || endpoints.isPending) return <Loading what="deployments" />;
  if (endpoints.isError) return <ErrorAlert error={endpoints.error} />;
  const rows = versionDeployments(model, versions.data.items.map((v) => v.version), endpoints.data.items, rolloutItems);

  return (
    <section aria-labelledby="deployments-heading">
      <h2 id="deployments-heading">Deployments</h2>
      <DataTable label="Deployments" columns={COLUMNS} rows={rows} rowKey={(d) => d.version} empty="No versions yet." />
    </section>
  );
}
