/**
 * Wire types of the admin API, inferred from server/'s zod schemas. Type-only imports: nothing of
 * zod or server/ reaches the browser bundle.
 */
export type { Me, Role } from '../../server/auth/schemas';
export type { Model, ModelVersion } from '../../server/registry/schemas';
export type { Endpoint, RuntimeConfig } from '../../server/endpoints/schemas';
export type { AuditEvent } from '../../server/audit/schemas';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface List<T> {
  items: T[];
}
