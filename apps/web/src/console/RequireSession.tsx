import { useEffect, type ReactNode } from 'react';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { useSession, type Session } from '../session';
import './console.css';

/** The console's pages need a login: without one, go to /login and come back here afterwards. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const { session } = useSession();
  const { path, search } = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    if (!session) navigate(`/login?next=${encodeURIComponent(path + search)}`);
  }, [session, path, search]);
  if (!session) return <Notice kind="loading">{t('consoleNeedLogin')}</Notice>;
  return <>{children(session)}</>;
}

/** A `?next=` path is followed only when it stays inside this app. */
export function safeNext(search: string, fallback = '/inbox'): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('/login')) return fallback;
  try {
    // `//host` and `/\host` leave the app in some browsers: follow only what resolves to this origin
    const url = new URL(next, window.location.origin);
    return url.origin === window.location.origin && !/^\/[\\/]/.test(next) ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
