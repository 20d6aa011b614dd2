import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, queryString } from '../api';
import type { AuditEvent, Page } from '../types';

export interface AuditFilter {
  actor: string;
  action: string;
  /** Exact path, e.g. `endpoint/text-orientation` (the server matches targets exactly). */
  target: string;
  /** ISO times, or '' for an open end: from inclusive, to exclusive. */
  from: string;
  to: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all, filter] as const,
};

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api<Page<AuditEvent>>(
        `/audit${queryString({ actor: filter.actor, action: filter.action, target: filter.target, from: filter.from, to: filter.to, limit: AUDIT_PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
