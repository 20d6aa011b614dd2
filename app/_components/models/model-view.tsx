'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatTime } from '../../_lib/format';
import { modelQuery, versionsQuery } from '../../_lib/queries/models';
import { ErrorAlert, Loading } from '../feedback';
import { useCanMutate } from '../use-can-mutate';
import { UploadForm } from './upload-form';
import { VersionsTable } from './versions-table';

export function ModelView({ name }: { name: string }) {
  const model = useQuery(modelQuery(name));
  const versions = useQuery(versionsQuery(name));
  const canMutate = useCanMutate();

  if (model.isPending) return <Loading what="the model" />;
  // An unknown name never gets here: the page answers 404 (not-found.tsx) before rendering.
  if (model.isError) return <ErrorAlert error={model.error} />;
  const m = model.data;

  return (
    <>
      <div className="page-header">
        <h1>{m.name}</h1>
        <Link href="/models">All models</Link>
      </div>
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="props">
          <dt>Description</dt>
          <dd>{m.description || '—'}</dd>
          <dt>Task</dt>
          <dd>{m.task || '—'}</dd>
          <dt>Tags</dt>
          <dd>
            {m.tags.length === 0
              ? '—'
              : m.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
          </dd>
          <dt>Status</dt>
          <dd>{m.status}</dd>
          <dt>Created</dt>
          <dd>
            {formatTime(m.createdAt)} by {m.createdBy}
          </dd>
          <dt>Updated</dt>
          <dd>{formatTime(m.updatedAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.isPending ? (
          <Loading what="versions" />
        ) : versions.isError ? (
          <ErrorAlert error={versions.error} />
        ) : (
          <VersionsTable model={m.name} versions={versions.data.items} />
        )}
      </section>
      {canMutate && m.status === 'active' && <UploadForm model={m.name} />}
    </>
  );
}
