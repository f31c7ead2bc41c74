import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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

// The same key the save dialog uses, so one login serves the editor, the console and the reports.
export const SESSION_KEY = 'sop.author';

export function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session> & { username?: string };
    // sessions written by the save dialog carry only token and username
    if (!parsed.token) return null;
    const user: SessionUser = parsed.user ?? { username: parsed.username ?? '', displayName: parsed.username ?? '', regency: '', lanes: [], permissions: [] };
    return { token: parsed.token, user };
  } catch {
    return null;
  }
}

interface SessionContextValue {
  session: Session | null;
  /** Logs in; throws the API's error (e.g. 401 wrong username or password). */
  login(username: string, password: string): Promise<Session>;
  logout(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Keeps the login for the browser tab (sessionStorage), shared by every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  const login = useCallback(async (username: string, password: string) => {
    const res = await apiLogin(username.trim(), password);
    const next: Session = { token: res.token, user: res.user as SessionUser };
    try {
      sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...next, username: next.user.username }));
    } catch {
      /* storage unavailable: the login lasts for this page only */
    }
    setSession(next);
    return next;
  }, []);
  const logout = useCallback(() => {
    try {
      sessionStorage.removeItem(SESSION_KEY);
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
