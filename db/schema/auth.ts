/** API tokens and browser sessions. Only sha256 hashes of secrets are stored. */
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timeMs } from './columns';

export const ROLES = ['viewer', 'deployer', 'admin'] as const;

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Display only: the first characters of the secret. */
    prefix: text('prefix').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timeMs('created_at').notNull(),
    lastUsedAt: timeMs('last_used_at'),
  },
  (t) => [uniqueIndex('api_tokens_name_idx').on(t.name), uniqueIndex('api_tokens_secret_hash_idx').on(t.secretHash)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenId: text('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    createdAt: timeMs('created_at').notNull(),
    expiresAt: timeMs('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_secret_hash_idx').on(t.secretHash), index('sessions_token_id_idx').on(t.tokenId)],
);
