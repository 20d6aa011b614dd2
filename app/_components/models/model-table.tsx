'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { formatTime } from '../../_lib/format';
import { modelPagesQuery } from '../../_lib/queries/models';
import type { Model } from '../../_lib/types';
import { ErrorAlert, Loading } from '../feedback';
import { DataTable, type Column } from '../ui/data-table';
import { Field } from '../ui/field';

const COLUMNS: Column<Model>[] = [
  {
    header: 'Name',
    cell: (model) => (
      <>
        <Link href={`/models/${encodeURIComponent(model.name)}`}>{model.name}</Link>
        {model.status === 'archived' && <span className="badge archived"> archived</span>}
      </>
    ),
  },
  { header: 'Description', cell: (model) => model.description },
  {
    header: 'Tags',
    cell: (model) =>
      model.tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      )),
  },
  { header: 'Latest version', cell: (model) => model.latestVersion ?? '—' },
  { header: 'Versions', cell: (model) => model.versionCount },
  { header: 'Updated', cell: (model) => formatTime(model.updatedAt) },
];

export function ModelTable() {
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim());
  const models = useInfiniteQuery(modelPagesQuery(q));
  const items = models.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="models-heading">
      <h2 id="models-heading" className="visually-hidden">
        All models
      </h2>
      <div className="toolbar">
        <Field id="model-filter" label="Filter">
          <input type="search" placeholder="name, description or tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </Field>
      </div>
      {models.isPending ? (
        <Loading what="models" />
      ) : models.isError ? (
        <ErrorAlert error={models.error} />
      ) : (
        <DataTable label="Models" columns={COLUMNS} rows={items} rowKey={(m) => m.name} empty={q ? 'No model matches the filter.' : 'No models yet.'} />
      )}
      {models.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void models.fetchNextPage()} disabled={models.isFetchingNextPage}>
          {models.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
