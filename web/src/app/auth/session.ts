import { apiRequest, setCsrfToken } from '../api/client';
import type { Language } from '../../i18n';

export interface FieldScope {
  prices: boolean;
  costs: boolean;
  margins: boolean;
}

export interface Me {
  id: number;
  email: string;
  name: string;
  language: Language;
  roles: string[];
  permissions: string[];
  fieldScope: FieldScope;
  /** The organisation a user who is only a client contact acts for; null for staff. */
  clientId: number | null;
}

/** Limits the server enforces that the app checks before sending anything (the server checks them too). */
export interface SessionLimits {
  /** The largest file a ticket attachment may be (KONTOR_ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: number;
}

/** Company-wide choices new records start with (company settings, read with the session). */
export interface SessionDefaults {
  /** The country a new client starts with (the company setting defaultCountry). */
  clientCountry: string;
}

export interface Session {
  user: Me;
  csrfToken: string;
  limits: SessionLimits;
  defaults: SessionDefaults;
}

export const SESSION_KEY = ['session'] as const;

/** What GET /auth/session answers: the session, or nobody signed in (200 either way). */
type SessionProbe = Session | { user: null; csrfToken: null };

/** Reads the current session; null when signed out. */
export async function fetchSession(): Promise<Session | null> {
  const probe = await apiRequest<SessionProbe>('/auth/session', { allowUnauthorized: true });
  setCsrfToken(probe.csrfToken);
  return probe.user ? probe : null;
}

export async function login(email: string, password: string): Promise<Session> {
  const session = await apiRequest<Session>('/auth/login', {
    method: 'POST',
    body: { email, password },
    allowUnauthorized: true,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function updateMe(patch: { name?: string; language?: Language }): Promise<Session> {
  const session = await apiRequest<Session>('/auth/me', { method: 'PATCH', body: patch });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/auth/logout', { method: 'POST', body: {}, allowUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}
