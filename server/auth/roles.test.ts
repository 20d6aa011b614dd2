import { describe, expect, it } from 'vitest';
import { ROLES as DB_ROLES } from '../../db/schema';
import { hasRole } from './roles';
import { ROLES, type Role } from './schemas';

describe('hasRole', () => {
  it.each<[Role, Role, boolean]>([
    ['viewer', 'viewer', true],
    ['viewer', 'deployer', false],
    ['viewer', 'admin', false],
    ['deployer', 'viewer', true],
    ['deployer', 'deployer', true],
    ['deployer', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'deployer', true],
    ['admin', 'admin', true],
  ])('%s has %s: %s', (have, needed, expected) => {
    expect(hasRole({ role: have }, needed)).toBe(expected);
  });

  it('nobody (no principal) has any role, and an unknown role has none', () => {
    expect(hasRole(null, 'viewer')).toBe(false);
    expect(hasRole({ role: 'root' as Role }, 'viewer')).toBe(false);
  });

  it('the wire roles and the stored roles are the same list', () => {
    expect([...ROLES]).toEqual([...DB_ROLES]);
  });
});
