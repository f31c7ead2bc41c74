import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { pageTitle } from '../page-title';
import { Link, matchRoute, navigate, useLocation } from '../router';
import { readsRegencyReports, useSession } from '../session';
import { LanguageSwitch } from './LanguageSwitch';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const { path } = useLocation();
  const title = pageTitle(matchRoute(path), t);
  useEffect(() => {
    document.title = title;
  }, [title]);
  const header = useTopbarHeight();
  return (
    <div className="shell">
      <a className="skip-link no-print" href="#main" data-testid="skip-link">
        {t('skipToContent')}
      </a>
      <header className="topbar no-print" ref={header}>
        <Link href="/sops" className="brand">
          <span className="brand-mark" aria-hidden="true">
            <svg viewBox="0 0 32 32" width="28" height="28">
              <rect width="32" height="32" rx="7" fill="currentColor" />
              <path d="M9 8h14v6H9zM13 18h6v6h-6z" fill="white" />
              <path d="M16 14v4" stroke="white" strokeWidth="2" />
            </svg>
          </span>
          <span>
            <span className="brand-name">{t('appName')}</span>
            {/* a phone's header: the short name, so that the signed-in line fits beside it (one row less) */}
            <span className="brand-name-short" aria-hidden="true">
              {t('appNameShort')}
            </span>
            <span className="brand-tagline">{t('appTagline')}</span>
          </span>
        </Link>
        <nav className="topnav">
          <Link href="/sops" data-testid="nav-sops">
            {t('navSops')}
          </Link>
          {session && session.user.lanes.length > 0 && (
            <Link href="/inbox" data-testid="nav-inbox">
              {t('navInbox')}
            </Link>
          )}
          <Link href="/compare" data-testid="nav-compare">
            {t('navCompare')}
          </Link>
          {/* reports are a regency's users' and reviewers': a visitor or a platform account without the reviewer right sees no link */}
          {session && readsRegencyReports(session.user) && (
            <Link href="/reports" data-testid="nav-reports">
              {t('navReports')}
            </Link>
          )}
          {session?.user.permissions.includes('admin') && (
            <>
              <Link href="/admin/pengguna" data-testid="nav-accounts">
                {t('navAccounts')}
              </Link>
              <Link href="/admin/audit" data-testid="nav-audit">
                {t('navAudit')}
              </Link>
              <Link href="/admin/webhook" data-testid="nav-webhooks">
                {t('navWebhooks')}
              </Link>
              <Link href="/hari-libur" data-testid="nav-holidays">
                {t('navHolidays')}
              </Link>
            </>
          )}
          {(session?.user.permissions.includes('admin') || session?.user.permissions.includes('author')) && (
            <Link href="/admin/templat" data-testid="nav-reply-templates">
              {t('navReplyTemplates')}
            </Link>
          )}
        </nav>
        {session ? (
          <span className="session-user">
            <span title={`${session.user.displayName} (${session.user.username})`} data-testid="session-user">
              <span className="session-user-long">{t('navSignedInAs', { name: session.user.displayName || session.user.username })}</span>
              {/* a phone's header: the name alone, beside the short app name */}
              <span className="session-user-short" aria-hidden="true">
                {session.user.displayName || session.user.username}
              </span>
            </span>
            <button
              type="button"
              className="linklike"
              data-testid="nav-logout"
              onClick={() => {
                logout();
                navigate('/login');
              }}
            >
              {t('navLogout')}
            </button>
          </span>
        ) : (
          <Link href="/login" data-testid="nav-login">
            {t('navLogin')}
          </Link>
        )}
        <LanguageSwitch />
      </header>
      <main className="main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/**
 * Keeps --topbar-height (styles.css: the scroll padding that keeps a focused field or an anchor out
 * from under the sticky header) at the header's real height: its links wrap to two or three rows on a
 * tablet or a phone, more for an account with many links or in English, so no fixed guess fits.
 */
function useTopbarHeight() {
  const header = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = header.current;
    if (!el) return undefined;
    const root = document.documentElement;
    const measure = () => {
      const height = el.getBoundingClientRect().height;
      // hidden (printing): the stylesheet's value stands
      if (height > 0) root.style.setProperty('--topbar-height', `${Math.ceil(height)}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--topbar-height');
    };
  }, []);
  return header;
}

export function Notice({ kind, children }: { kind: 'loading' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
