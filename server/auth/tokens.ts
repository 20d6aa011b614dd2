/** API tokens: create (the secret is returned once), list, revoke (its sessions die with it). */
import { asc, count, eq } from 'drizzle-orm';
import { apiTokens } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { isUniqueViolation, parseInput } from '../common/validate';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { toApiToken } from './internal';
import { CreateTokenInput, type ApiToken, type CreatedToken } from './schemas';
import { displayPrefix, generateTokenSecret, hashSecret, newId } from './secrets';

export function listTokens(deps: ServiceDeps): ApiToken[] {
  return deps.db.select().from(apiTokens).orderBy(asc(apiTokens.createdAt), asc(apiTokens.name)).all().map(toApiToken);
}

export function createToken(deps: ServiceDeps, input: CreateTokenInput, actor: string): CreatedToken {
  const t = parseInput(CreateTokenInput, input, 'token');
  const secret = generateTokenSecret();
  const now = deps.now();
  try {
    return deps.db.transaction((tx) => {
      if (tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, t.name)).get()) {
        throw new AppError('CONFLICT', `A token named "${t.name}" already exists`);
      }
      const row = tx
        .insert(apiTokens)
        .values({ id: newId('tok'), name: t.name, role: t.role, secretHash: hashSecret(secret), prefix: displayPrefix(secret), createdBy: actor, createdAt: now })
        .returning()
        .get();
      recordAudit(tx, { actor, action: 'token.create', target: auditTarget.token(row.id), details: { name: t.name, role: t.role }, at: now });
      return { token: toApiToken(row), secret };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A token named "${t.name}" already exists`);
    throw err;
  }
}

/** Refuses to revoke the last admin token: nobody could then manage tokens at all. */
export function revokeToken(deps: ServiceDeps, id: string, actor: string): void {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', `Token "${id}" not found`);
    if (row.role === 'admin') {
      const admins = tx.select({ n: count() }).from(apiTokens).where(eq(apiTokens.role, 'admin')).get();
      if ((admins?.n ?? 0) <= 1) throw new AppError('CONFLICT', 'Cannot revoke the last admin token; create another admin token first');
    }
    // Sessions reference the token with ON DELETE CASCADE: they end in the same statement.
    tx.delete(apiTokens).where(eq(apiTokens.id, id)).run();
    recordAudit(tx, { actor, action: 'token.revoke', target: auditTarget.token(id), details: { name: row.name, role: row.role }, at: now });
  });
}
