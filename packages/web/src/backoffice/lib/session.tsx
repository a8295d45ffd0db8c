import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiError, type ApiResult, api, setCsrfToken, setUnauthenticatedHandler } from './api-client.js';
import type { Session, User } from './api-types.js';

/**
 * The signed-in user. `status` is `loading` until `/auth/me` answers; any 401 afterwards
 * (session expired, signed out elsewhere) turns it to `signed-out` with the reason, and the
 * screen asks for a login in place, keeping the URL.
 */
export interface SessionState {
  status: 'loading' | 'signed-in' | 'signed-out';
  user: User | null;
  /** Why the user was signed out (the server's message), if it was not their choice. */
  reason: string | null;
  signIn(username: string, password: string): Promise<ApiResult<Session>>;
  signOut(): Promise<void>;
  /** Re-reads `/auth/me` (after a password change, for instance). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState['status']>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [reason, setReason] = useState<string | null>(null);

  const accept = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setReason(null);
    setStatus('signed-in');
  }, []);

  const refresh = useCallback(async () => {
    const r = await api.get<Session>('/api/v1/auth/me');
    if (r.ok) accept(r.data);
    else {
      setCsrfToken(null);
      setUser(null);
      setStatus('signed-out');
    }
  }, [accept]);

  useEffect(() => {
    setUnauthenticatedHandler((error: ApiError) => {
      setCsrfToken(null);
      setUser((was) => {
        if (was) setReason(error.message);
        return null;
      });
      setStatus('signed-out');
    });
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const r = await api.post<Session>('/api/v1/auth/login', { username, password });
      if (r.ok) accept(r.data);
      return r;
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    await api.post('/api/v1/auth/logout');
    setCsrfToken(null);
    setUser(null);
    setReason(null);
    setStatus('signed-out');
  }, []);

  const value = useMemo(
    () => ({ status, user, reason, signIn, signOut, refresh }),
    [status, user, reason, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user (screens behind the login only). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
