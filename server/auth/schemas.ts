/**
 * Wire schemas of authentication and API tokens (docs/api-contract.md "Auth", "Tokens").
 * Roles are ordered: viewer < deployer < admin.
 */
import { z } from 'zod';
import { IsoTime } from '../common/schemas';

export const ROLES = ['viewer', 'deployer', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const TOKEN_PREFIX = 'slw_';

/** Who is calling: the token behind a bearer secret or a session. */
export const Principal = z.object({ tokenId: z.string(), name: z.string(), role: Role });
export type Principal = z.infer<typeof Principal>;

/** What `/auth/login` and `/auth/me` answer. */
export const Me = z.object({ name: z.string(), role: Role });
export type Me = z.infer<typeof Me>;

export const LoginInput = z.strictObject({ token: z.string().min(1).max(512) });
export type LoginInput = z.infer<typeof LoginInput>;

export const TokenName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'token names are letters, digits and . _ @ -');

export const CreateTokenInput = z.strictObject({ name: TokenName, role: Role });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  /** The first characters of the secret, enough to recognise it, never enough to use it. */
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: IsoTime,
  lastUsedAt: IsoTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

/** The secret appears here once, at creation. */
export const CreatedToken = z.object({ token: ApiToken, secret: z.string() });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const TokenList = z.object({ items: z.array(ApiToken) });
export type TokenList = z.infer<typeof TokenList>;
