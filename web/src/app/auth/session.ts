import { apiRequest, isApiError, setCsrfToken } from '../api/client';
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
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export const SESSION_KEY = ['session'] as const;

/** Reads the current session; null when signed out. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await apiRequest<Session>('/auth/me', { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
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
