import { z } from 'zod';
import { LANGUAGES } from '../../shared/language.ts';
import { ROLES } from './domain/index.ts';

export const language = z.enum(LANGUAGES);
export const email = z.email().max(254);
export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language,
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  fieldScope: z.object({ prices: z.boolean(), costs: z.boolean(), margins: z.boolean() }),
  clientId: z.number().nullable().describe("A client contact's own client (GET /clients/{id}): the organisation they act for; null for staff"),
});
/** Limits the server enforces that a client app can check before it sends anything (the server still checks them). */
export const sessionLimitsSchema = z.object({
  attachmentMaxBytes: z.number().int().describe('The largest file a ticket attachment may be, in bytes (KONTOR_ATTACHMENT_MAX_BYTES); a larger upload is refused with 413 attachment_too_large'),
});
export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string(), limits: sessionLimitsSchema });
/** GET /auth/session: a session, or nobody signed in. */
export const sessionOrSignedOutSchema = z.union([sessionSchema, z.object({ user: z.null(), csrfToken: z.null() })]);

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language,
  roles: z.array(z.enum(ROLES)),
  clientId: z.number().nullable(),
  active: z.boolean(),
  version: z.number().describe('Changes with every edit of name, language, roles, status or client; send it back with PATCH'),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const newUserBody = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  language: language.default('cs'),
  roles: z.array(z.enum(ROLES)).min(1),
  password: z.string().max(200).optional(),
  clientId: z.number().int().positive().nullable().optional().describe('The client a client contact belongs to; required with the client_contact role'),
});

export const userPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: language.optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  active: z.boolean().optional(),
  clientId: z
    .number().int().positive().nullable().optional()
    .describe('The client a client contact belongs to; a user who has (or gets) the client_contact role must have one (400 clientId required)'),
  version: z.number().int().optional().describe('The version read; 409 stale_version if the user was changed since'),
});

export const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
