'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { endpointListQuery } from '../../_lib/queries/endpoints';
import { batchingSummary } from '../../_lib/runtime-config';
import { ErrorAlert, Loading } from '../feedback';

export function EndpointTable() {
  const endpoints = useQuery(endpointListQuery());
  if (endpoints.isPending) return <Loading what="endpoints" />;
  if (endpoints.isError) return <ErrorAlert error={endpoints.error} />;
  return (
    <div className="table-wrap">
      <table aria-label="Endpoints">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Model</th>
            <th scope="col">Version</th>
            <th scope="col">Replicas</th>
            <th scope="col">Device</th>
            <th scope="col">Batching</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.data.items.length === 0 && (
            <tr>
              <td colSpan={6} className="empty">
                No endpoints yet.
              </td>
            </tr>
          )}
          {endpoints.data.items.map((e) => (
            <tr key={e.name}>
              <td>
                <Link href={`/endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link>
              </td>
              <td>
                <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link>
              </td>
              <td>{e.version}</td>
              <td>{e.config.replicas}</td>
              <td>{e.config.device}</td>
              <td>{batchingSummary(e.config)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
