'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { endpointListQuery } from '../_lib/queries/endpoints';
import { allModelsQuery } from '../_lib/queries/models';
import { LiveEndpoints } from './overview/live-endpoints';

function Count({ value, more }: { value: number | undefined; more?: boolean }) {
  if (value === undefined) return <span className="muted">…</span>;
  return (
    <>
      {value}
      {more ? '+' : ''}
    </>
  );
}

/** Counts of what is registered, then every endpoint's live figures. */
export function Overview() {
  const models = useQuery(allModelsQuery());
  const endpoints = useQuery(endpointListQuery());
  return (
    <>
      <div className="page-header">
        <h1>Overview</h1>
      </div>
      <div className="stats">
        <section className="card" aria-labelledby="models-count">
          <h2 id="models-count">Models</h2>
          <div className="stat">
            <Count value={models.data?.items.length} more={models.data ? !models.data.complete : false} />
          </div>
          <Link href="/models">Browse models</Link>
        </section>
        <section className="card" aria-labelledby="endpoints-count">
          <h2 id="endpoints-count">Endpoints</h2>
          <div className="stat">
            <Count value={endpoints.data?.items.length} />
          </div>
          <Link href="/endpoints">Browse endpoints</Link>
        </section>
        <section className="card" aria-labelledby="audit-link">
          <h2 id="audit-link">Activity</h2>
          <p className="muted">Who changed what, and when.</p>
          <Link href="/audit">Open the audit log</Link>
        </section>
      </div>
      <LiveEndpoints />
    </>
  );
}
