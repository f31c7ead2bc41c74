import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Notice } from './Shell';
import { Link, useLocation } from '../router';

/**
 * What a report page shows a reader who has not signed in: its title, why, and the way to sign in
 * and come back to the same address.
 */
export function ReportSignIn({ title, testId }: { title: string; testId: string }) {
  const { t } = useI18n();
  const { path, search } = useLocation();
  return (
    <ReportGate title={title}>
      <div className="notice" data-testid={testId}>
        <p>{t('reportsNeedLogin')}</p>
        <Link href={`/login?next=${encodeURIComponent(path + search)}`} className="button button-primary">
          {t('reportsLoginLink')}
        </Link>
      </div>
    </ReportGate>
  );
}

/** A report page that shows its reader only why not: its title and what stands in the way. */
export function ReportGate({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page report-page">
      <header className="page-head">
        <h1>{title}</h1>
      </header>
      {children}
    </div>
  );
}

/** A report page its signed-in reader may not read: its title and why, as an error notice. */
export function ReportRefused({ title, testId, message }: { title: string; testId: string; message: string }) {
  return (
    <ReportGate title={title}>
      <Notice kind="error">
        <span data-testid={testId}>{message}</span>
      </Notice>
    </ReportGate>
  );
}

/** What an admin page shows a reader who may not use it: its title and why (data-testid admin-need-login). */
export function AdminGate({ title, message }: { title: string; message: string }) {
  return (
    <div className="page admin-page">
      <h1>{title}</h1>
      <div className="notice" data-testid="admin-need-login">
        {message}
      </div>
    </div>
  );
}
