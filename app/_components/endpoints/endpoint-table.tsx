'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { endpointListQuery } from '../../_lib/queries/endpoints';
import { batchingSummary } from '../../_lib/runtime-config';
import type { Endpoint } from '../../_lib/types';
import { ErrorAlert, Loading } from '../feedback';
import { DataTable, type Column } from '../ui/data-table';

const COLUMNS: Column<Endpoint>[] = [
  { header: 'Name', cell: (e) => <Link href={`/endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link> },
  { header: 'Model', cell: (e) => <Link href={`/models/${encodeURIComponent(e.model)}`}>{e.model}</Link> },
  { header: 'Version', cell: (e) => e.version },
  { header: 'Replicas', cell: (e) => e.config.replicas },
  { header: 'Device', cell: (e) => e.config.device },
  { header: 'Batching', cell: (e) => batchingSummary(e.config) },
];

export function EndpointTable() {
  const endpoints = useQuery(endpointListQuery());
  if (endpoints.isPending) return <Loading what="endpoints" />;
  if (endpoints.isError) return <ErrorAlert error={endpoints.error} />;
  return <DataTable label="Endpoints" columns={COLUMNS} rows={endpoints.data.items} rowKey={(e) => e.name} empty="No endpoints yet." />;
}
