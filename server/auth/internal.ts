/** Row mapping and lookups shared by the auth verbs; not for other domains. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { iso, isoOrNull } from '../common/time';
import type { ApiToken, Principal } from './schemas';
import { hashSecret } from './secrets';

export type TokenRow = typeof apiTokens.$inferSelect;

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** Writing lastUsedAt on every request would turn reads into writes; once a minute is plenty. */
export const LAST_USED_THROTTLE_MS = 60_000;

export function toApiToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    lastUsedAt: isoOrNull(row.lastUsedAt),
  };
}

export function toPrincipal(row: TokenRow): Principal {
  return { tokenId: row.id, name: row.name, role: row.role };
}

export function findTokenBySecret(db: DbOrTx, secret: string): TokenRow | undefined {
  return db.select().from(apiTokens).where(eq(apiTokens.secretHash, hashSecret(secret))).get();
}
