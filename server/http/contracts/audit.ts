/** The audit log: who changed what, newest first. */
import { AuditPage, AuditQuery } from '../../audit/schemas';
import { defineRoute } from '../contract';

export const listAudit = defineRoute({
  operationId: 'listAuditEvents',
  method: 'GET',
  path: '/audit',
  access: 'viewer',
  summary: 'List audit events, filtered by actor, action or target',
  tags: ['audit'],
  query: AuditQuery,
  response: { status: 200, description: 'One page of events and the cursor of the next', schema: AuditPage },
});
