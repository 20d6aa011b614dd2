'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { formatTime } from '../../_lib/format';
import { auditQuery } from '../../_lib/queries/audit';
import { ErrorAlert, Loading } from '../feedback';
import { utcInputToIso } from './time-window';

export function AuditView() {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const deferredActor = useDeferredValue(actor.trim());
  const deferredAction = useDeferredValue(action.trim());
  const deferredTarget = useDeferredValue(target.trim());
  const events = useInfiniteQuery(auditQuery({ actor: deferredActor, action: deferredAction, target: deferredTarget, from: utcInputToIso(from), to: utcInputToIso(to) }));
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <div className="page-header">
        <h1>Audit</h1>
      </div>
      <div className="toolbar" role="search" aria-label="Filter events">
        <div className="field">
          <label htmlFor="audit-actor">Actor</label>
          <input id="audit-actor" type="search" value={actor} onChange={(e) => setActor(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <input id="audit-action" type="search" placeholder="e.g. model.create" value={action} onChange={(e) => setAction(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-target">Target</label>
          <input id="audit-target" type="search" placeholder="e.g. endpoint/text-orientation" value={target} onChange={(e) => setTarget(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC)</label>
          <input id="audit-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {events.isPending ? (
        <Loading what="events" />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : (
        <>
          <div className="table-wrap">
            <table aria-label="Audit events">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 && (
                  <tr>
                    <td colSpan={5} className="empty">
                      No events match.
                    </td>
                  </tr>
                )}
                {items.map((event) => (
                  <tr key={event.id}>
                    <td>{formatTime(event.at)}</td>
                    <td>{event.actor}</td>
                    <td>
                      <code>{event.action}</code>
                    </td>
                    <td>{event.target}</td>
                    <td>
                      <code>{Object.keys(event.details).length ? JSON.stringify(event.details) : ''}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
