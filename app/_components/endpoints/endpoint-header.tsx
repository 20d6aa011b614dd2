'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { endpointQuery } from '../../_lib/queries/endpoints';

/** The page title: the endpoint, what it serves, and the way back to the list. */
export function EndpointHeader({ name }: { name: string }) {
  const endpoint = useQuery(endpointQuery(name));
  const e = endpoint.data;
  return (
    <div className="page-header">
      <div>
        <h1>{name}</h1>
        {e && (
          <span className="muted">
            serves <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link> v{e.version}
          </span>
        )}
      </div>
      <Link href="/endpoints">All endpoints</Link>
    </div>
  );
}
