/**
 * The first admin token. With SLIPWAY_ADMIN_TOKEN set, a token named `admin` with that secret
 * must exist (created, or rotated when the secret changed). Unset, a fresh database (no tokens)
 * gets a generated one that the composition root shows once and writes to `<data>/admin-token`.
 */
import { count, eq } from 'drizzle-orm';
import { apiTokens, sessions } from '../../db/schema';
import { auditTarget, recordAudit } from '../audit';
import type { ServiceDeps } from '../deps';
import { displayPrefix, generateTokenSecret, hashSecret, newId } from './secrets';

export const ADMIN_TOKEN_NAME = 'admin';
export const SYSTEM_ACTOR = 'system';

export type AdminBootstrapStep = 'keep' | 'create' | 'rotate' | 'generate';

/** Pure: what to do, given the configured secret's hash and what the database holds. */
export function planAdminBootstrap(s: {
  configuredHash: string | undefined;
  existingAdmin: { secretHash: string; role: string } | undefined;
  tokenCount: number;
}): AdminBootstrapStep {
  if (s.configuredHash === undefined) return s.tokenCount === 0 ? 'generate' : 'keep';
  if (!s.existingAdmin) return 'create';
  return s.existingAdmin.secretHash === s.configuredHash && s.existingAdmin.role === 'admin' ? 'keep' : 'rotate';
}

export interface AdminBootstrapResult {
  step: AdminBootstrapStep;
  /** Only when generated: the secret to show once. */
  generatedSecret?: string;
}

export function bootstrapAdmin(deps: ServiceDeps): AdminBootstrapResult {
  const configured = deps.config.adminToken;
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const existing = tx.select().from(apiTokens).where(eq(apiTokens.name, ADMIN_TOKEN_NAME)).get();
    const tokenCount = tx.select({ n: count() }).from(apiTokens).get()?.n ?? 0;
    const step = planAdminBootstrap({ configuredHash: configured && hashSecret(configured), existingAdmin: existing, tokenCount });
    if (step === 'keep') return { step };
    const secret = step === 'generate' ? generateTokenSecret() : (configured as string);
    const fields = { role: 'admin' as const, secretHash: hashSecret(secret), prefix: displayPrefix(secret) };
    if (step === 'rotate' && existing) {
      // The old secret's sessions must not outlive it.
      tx.delete(sessions).where(eq(sessions.tokenId, existing.id)).run();
      tx.update(apiTokens).set(fields).where(eq(apiTokens.id, existing.id)).run();
      recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'token.rotate', target: auditTarget.token(existing.id), details: { name: ADMIN_TOKEN_NAME }, at: now });
      return { step };
    }
    const id = newId('tok');
    tx.insert(apiTokens).values({ id, name: ADMIN_TOKEN_NAME, ...fields, createdBy: SYSTEM_ACTOR, createdAt: now }).run();
    recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'token.create', target: auditTarget.token(id), details: { name: ADMIN_TOKEN_NAME, role: 'admin' }, at: now });
    return step === 'generate' ? { step, generatedSecret: secret } : { step };
  });
}
