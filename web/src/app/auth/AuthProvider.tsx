import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { onUnauthorized } from '../api/client';
import { isLanguage, setLanguage } from '../../i18n';
import { claimDrafts, forgetAllDrafts } from '../draftStorage';
import { fetchSession, logout, type Me, type Session, type SessionDefaults, type SessionLimits, SESSION_KEY } from './session';

interface AuthContextValue {
  user: Me | null;
  /** The server's limits, known while someone is signed in. */
  limits: SessionLimits | null;
  /** What new records start with, known while someone is signed in. */
  defaults: SessionDefaults | null;
  loading: boolean;
  error: unknown;
  can: (permission: string) => boolean;
  setSession: (session: Session | null) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const user = query.data?.user ?? null;
  const limits = query.data?.limits ?? null;
  const defaults = query.data?.defaults ?? null;

  const setSession = useCallback(
    (session: Session | null) => {
      if (!session) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      }
      queryClient.setQueryData(SESSION_KEY, session);
    },
    [queryClient],
  );

  // Any 401 from an authenticated call: the session is gone, go to sign-in.
  useEffect(() => {
    onUnauthorized(() => {
      if (queryClient.getQueryData(SESSION_KEY)) {
        notifications.show({ id: 'session-expired', color: 'yellow', message: t('auth.sessionExpired') });
      }
      setSession(null);
    });
    return () => onUnauthorized(null);
  }, [queryClient, setSession, t]);

  // The signed-in user's language wins over the browser's.
  useEffect(() => {
    if (user && isLanguage(user.language)) void setLanguage(user.language);
  }, [user]);

  // Drafts kept in the tab are the signed-in user's (draftStorage.ts).
  const userId = user?.id ?? null;
  useEffect(() => {
    if (userId !== null) claimDrafts(userId);
  }, [userId]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      // Not queryClient.clear(): that would detach the session observer from the cache.
      setSession(null);
      forgetAllDrafts();
    }
  }, [setSession]);

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      limits,
      defaults,
      loading: query.isPending,
      error: query.error,
      can: (permission) => !!user?.permissions.includes(permission),
      setSession,
      signOut,
    }),
    [user, limits, defaults, query.isPending, query.error, setSession, signOut],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useMe(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a session');
  return user;
}
