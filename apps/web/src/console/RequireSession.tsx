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
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/inbox';
}
