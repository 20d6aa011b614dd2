/**
 * Secrets and their hashes. Tokens are `slw_` + 32 random bytes (base64url); only the sha256 of a
 * secret is stored, so a copy of the database grants nothing. sha256 (not a slow KDF) is enough
 * because the secrets are 256-bit random, not passwords.
 */
import { createHash, randomBytes } from 'node:crypto';
import { TOKEN_PREFIX } from './schemas';

export const PREFIX_DISPLAY_CHARS = 12;

export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function generateSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newId(kind: 'tok' | 'ses'): string {
  return `${kind}_${randomBytes(9).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Enough to recognise a token in a list, far too little to use it. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, PREFIX_DISPLAY_CHARS);
}
