import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { LanguageSwitch } from './LanguageSwitch';

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <header className="topbar no-print">
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
            <span className="brand-tagline">{t('appTagline')}</span>
          </span>
        </Link>
        <nav className="topnav">
          <Link href="/sops" data-testid="nav-sops">
            {t('navSops')}
          </Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main className="main">{children}</main>
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'loading' | 'error'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
