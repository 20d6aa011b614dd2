/**
 * Bearer and session authentication. A browser logs in with an API token secret and gets a
 * session secret for an httpOnly cookie; only its hash is stored, and it expires after 12 h.
 */
import { eq, lte } from 'drizzle-orm';
import { apiTokens, sessions } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import { bestEffort } from '../common/best-effort';
import type { LoginResult } from '../context';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { findTokenBySecret, LAST_USED_THROTTLE_MS, SESSION_MAX_AGE_SECONDS, toPrincipal } from './internal';
import { TOKEN_PREFIX, type Principal } from './schemas';
import { generateSessionSecret, hashSecret, newId } from './secrets';

export function authenticateBearer(deps: ServiceDeps, secret: string): Principal | null {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = findTokenBySecret(deps.db, secret);
  if (!row) return null;
  const now = deps.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_THROTTLE_MS) {
    bestEffort("a token's lastUsedAt", () => deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run());
  }
  return toPrincipal(row);
}

export function login(deps: ServiceDeps, tokenSecret: string): LoginResult {
  const principal = authenticateBearer(deps, tokenSecret);
  if (!principal) throw new AppError('UNAUTHORIZED', 'Unknown or revoked token');
  const sessionSecret = generateSessionSecret();
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.delete(sessions).where(lte(sessions.expiresAt, now)).run();
    tx.insert(sessions)
      .values({
        id: newId('ses'),
        tokenId: principal.tokenId,
        secretHash: hashSecret(sessionSecret),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      })
      .run();
    recordAudit(tx, { actor: principal.name, action: 'session.create', target: auditTarget.token(principal.tokenId), at: now });
  });
  return { sessionSecret, principal, maxAgeSeconds: SESSION_MAX_AGE_SECONDS };
}

export function authenticateSession(deps: ServiceDeps, sessionSecret: string): Principal | null {
  if (!sessionSecret) return null;
  const row = deps.db
    .select({ token: apiTokens, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(apiTokens, eq(apiTokens.id, sessions.tokenId))
    .where(eq(sessions.secretHash, hashSecret(sessionSecret)))
    .get();
  if (!row || row.expiresAt.getTime() <= deps.now().getTime()) return null;
  return toPrincipal(row.token);
}

/** Idempotent: logging out an unknown or expired session is not an error. */
export function logout(deps: ServiceDeps, sessionSecret: string): void {
  deps.db.delete(sessions).where(eq(sessions.secretHash, hashSecret(sessionSecret))).run();
}
