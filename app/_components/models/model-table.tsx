'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { formatTime } from '../../_lib/format';
import { modelPagesQuery } from '../../_lib/queries/models';
import { ErrorAlert, Loading } from '../feedback';

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
        <div className="field">
          <label htmlFor="model-filter">Filter</label>
          <input id="model-filter" type="search" placeholder="name, description or tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      </div>
      {models.isPending ? (
        <Loading what="models" />
      ) : models.isError ? (
        <ErrorAlert error={models.error} />
      ) : (
        <div className="table-wrap">
          <table aria-label="Models">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Tags</th>
                <th scope="col">Latest version</th>
                <th scope="col">Versions</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty">
                    {q ? 'No model matches the filter.' : 'No models yet.'}
                  </td>
                </tr>
              )}
              {items.map((model) => (
                <tr key={model.name}>
                  <td>
                    <Link href={`/models/${encodeURIComponent(model.name)}`}>{model.name}</Link>
                    {model.status === 'archived' && <span className="badge archived"> archived</span>}
                  </td>
                  <td>{model.description}</td>
                  <td>
                    {model.tags.map((tag) => (
                      <span key={tag} className="tag">
                        {tag}
                      </span>
                    ))}
                  </td>
                  <td>{model.latestVersion ?? '—'}</td>
                  <td>{model.versionCount}</td>
                  <td>{formatTime(model.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {models.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void models.fetchNextPage()} disabled={models.isFetchingNextPage}>
          {models.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
