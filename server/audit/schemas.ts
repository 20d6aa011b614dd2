/**
 * Wire schemas of the audit log (docs/api-contract.md "Health, OpenAPI, audit"). Every change of
 * desired state writes one event; the list is newest first with an opaque cursor.
 */
import { z } from 'zod';
import { ROLLOUT_EVENTS } from '../../protocol/rollout-vocabulary';
import { IsoTime, NextCursor, PageLimit } from '../common/schemas';

export const AUDIT_ACTIONS = [
  'model.create',
  'model.update',
  'model.archive',
  'model.delete',
  'version.create',
  'version.update',
  'version.archive',
  'endpoint.create',
  'endpoint.update',
  'endpoint.delete',
  'token.create',
  'token.revoke',
  'token.rotate',
  'session.create',
  'auth.sign-in-failed',
  ...ROLLOUT_EVENTS,
  'endpoint.scale',
  'tuning.start',
  'tuning.apply',
  'tuning.cancel',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditQuery = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(300).optional(),
  /** Time window on `at`: from inclusive, to exclusive. */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  limit: PageLimit,
  cursor: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEvent = z.object({
  id: z.number().int(),
  actor: z.string(),
  action: z.string(),
  /** What changed, as a path: `model/resnet`, `model/resnet/version/2`, `endpoint/x`, `token/<id>`. */
  target: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: IsoTime,
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditPage = z.object({ items: z.array(AuditEvent), nextCursor: NextCursor });
export type AuditPage = z.infer<typeof AuditPage>;
