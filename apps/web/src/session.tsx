import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { REVIEWER } from '@sop/api-contract';
import { login as apiLogin } from './api';

/** The signed-in user as the API's token carries them. */
export interface SessionUser {
  username: string;
  displayName: string;
  /** The SOP id (regency) whose cases the user works. */
  regency: string;
  /** Lane ids of that SOP the user holds. */
  lanes: string[];
  /** 'author' (publish SOP versions), 'reviewer' (compare, reports of every regency), 'admin' (holiday lists). */
  permissions: string[];
}

export interface Session {
  token: string;
  user: SessionUser;
}

/**
 * Whether a user reads regencies' reports: their own regency's, or any with the reviewer right. A
 * platform account (regency '*') has no regency of its own, so it needs that right, as the API does.
 */
export function readsRegencyReports(user: SessionUser): boolean {
  return user.regency !== '*' || user.permissions.includes(REVIEWER);
}

/**
 * One login per browser: kept in localStorage under this key, so every tab of the browser shares
 * it (the editor's save dialog, the console, the reports), and a logout in one tab ends it in all.
 */
export const SESSION_KEY = 'sop.session';

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (!parsed.token || !parsed.user) return null;
    return { token: parsed.token, user: parsed.user };
  } catch {
    return null;
  }
}

interface SessionContextValue {
  session: Session | null;
  /** Logs in; throws the API's error (e.g. 401 wrong username or password). */
  login: (username: string, password: string) => Promise<Session>;
  logout: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Keeps the login for the browser (localStorage), shared by every page and tab. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  useEffect(() => {
    // another tab logged in or out: follow it
    const follow = (e: StorageEvent) => {
      if (e.key === SESSION_KEY || e.key === null) setSession(readSession());
    };
    window.addEventListener('storage', follow);
    return () => {
      window.removeEventListener('storage', follow);
    };
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const res = await apiLogin(username.trim(), password);
    const next: Session = { token: res.token, user: res.user as SessionUser };
    try {
      localStorage.setItem(SESSION_KEY, JSON.stringify(next));
    } catch {
      /* storage unavailable: the login lasts for this page only */
    }
    setSession(next);
    return next;
  }, []);
  const logout = useCallback(() => {
    try {
      localStorage.removeItem(SESSION_KEY);
    } catch {
      /* nothing stored */
    }
    setSession(null);
  }, []);
  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
