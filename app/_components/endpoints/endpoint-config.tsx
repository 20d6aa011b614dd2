'use client';
/** The endpoint's serving facts and runtime config, with the edit and delete controls. */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatTime } from '../../_lib/format';
import { endpointQuery } from '../../_lib/queries/endpoints';
import { ErrorAlert } from '../feedback';
import { useCanMutate } from '../use-can-mutate';
import { ConfigList } from './config-list';
import { DeleteEndpoint } from './delete-endpoint';
import { EditEndpointForm } from './edit-endpoint-form';

export function EndpointConfig({ name }: { name: string }) {
  const endpoint = useQuery(endpointQuery(name));
  const canMutate = useCanMutate();
  const [editing, setEditing] = useState(false);

  if (endpoint.isError) return <ErrorAlert error={endpoint.error} />;
  if (!endpoint.isSuccess) return null;
  const e = endpoint.data;

  return (
    <>
      <div className="grid-2">
        <section className="card" aria-labelledby="serving-heading">
          <h2 id="serving-heading">Serving</h2>
          <dl className="props">
            <dt>Model</dt>
            <dd>
              <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link>
            </dd>
            <dt>Version</dt>
            <dd>{e.version}</dd>
            <dt>Inference URL</dt>
            <dd>
              <code>/v2/models/{e.name}/infer</code>
            </dd>
            <dt>Created</dt>
            <dd>
              {formatTime(e.createdAt)} by {e.createdBy}
            </dd>
            <dt>Updated</dt>
            <dd>{formatTime(e.updatedAt)}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="config-heading">
          <h2 id="config-heading">Runtime config</h2>
          <ConfigList config={e.config} effective={e.effective} />
        </section>
      </div>
      {canMutate &&
        (editing ? (
          <EditEndpointForm key={e.updatedAt} endpoint={e} onDone={() => setEditing(false)} />
        ) : (
          <div className="actions spaced">
            <button type="button" onClick={() => setEditing(true)}>
              Edit config
            </button>
            <DeleteEndpoint name={e.name} />
          </div>
        ))}
    </>
  );
}
