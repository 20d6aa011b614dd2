/** Roles are ordered: each one can do everything the ones before it can. */
import { ROLES, type Principal, type Role } from './schemas';

const RANK: Record<Role, number> = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<Role, number>;

export function hasRole(principal: Pick<Principal, 'role'> | null | undefined, needed: Role): boolean {
  if (!principal) return false;
  const have = RANK[principal.role];
  return have !== undefined && have >= RANK[needed];
}
