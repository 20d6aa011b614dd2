'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { formatTime } from '../../_lib/format';
import { auditQuery } from '../../_lib/queries/audit';
import type { AuditEvent } from '../../_lib/types';
import { ErrorAlert, Loading } from '../feedback';
import { DataTable, type Column } from '../ui/data-table';
import { Field } from '../ui/field';
import { utcInputToIso } from './time-window';

const COLUMNS: Column<AuditEvent>[] = [
  { header: 'Time', cell: (event) => formatTime(event.at), className: 'nowrap' },
  { header: 'Actor', cell: (event) => event.actor },
  { header: 'Action', cell: (event) => <code>{event.action}</code> },
  { header: 'Target', cell: (event) => event.target, className: 'wrap' },
  // Details are free-form JSON: they wrap inside the cell instead of widening the table.
  { header: 'Details', cell: (event) => <code>{Object.keys(event.details).length ? JSON.stringify(event.details) : ''}</code>, className: 'wrap' },
];

const FILTERS = [
  { key: 'actor', label: 'Actor', type: 'search' },
  { key: 'action', label: 'Action', type: 'search', placeholder: 'e.g. model.create' },
  { key: 'target', label: 'Target', type: 'search', placeholder: 'e.g. endpoint/text-orientation' },
  { key: 'from', label: 'From (UTC)', type: 'datetime-local' },
  { key: 'to', label: 'To (UTC)', type: 'datetime-local' },
] as const;

type Filters = Record<(typeof FILTERS)[number]['key'], string>;

export function AuditView() {
  const [filters, setFilters] = useState<Filters>({ actor: '', action: '', target: '', from: '', to: '' });
  const actor = useDeferredValue(filters.actor.trim());
  const action = useDeferredValue(filters.action.trim());
  const target = useDeferredValue(filters.target.trim());
  const events = useInfiniteQuery(auditQuery({ actor, action, target, from: utcInputToIso(filters.from), to: utcInputToIso(filters.to) }));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-header">
        <h1>Audit</h1>
      </div>
      <div className="toolbar" role="search" aria-label="Filter events">
        {FILTERS.map((f) => (
          <Field key={f.key} id={`audit-${f.key}`} label={f.label}>
            <input type={f.type} placeholder={'placeholder' in f ? f.placeholder : undefined} value={filters[f.key]} onChange={(e) => setFilters({ ...filters, [f.key]: e.target.value })} />
          </Field>
        ))}
      </div>
      {events.isPending ? (
        <Loading what="events" />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : (
        <>
          <DataTable label="Audit events" columns={COLUMNS} rows={items} rowKey={(event) => event.id} empty="No events match." />
          {events.hasNextPage && (
            <button type="button" className="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </>
  );
}
