import { useEffect } from 'react';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { readSession } from '../session';
import './not-found.css';

/**
 * What a user reads at an address that leads nowhere (issue 11): an unknown page, SOP, case or
 * ticket, in words, with the way back to where their work is.
 */
export function NotFound({ kind, value = '' }: { kind: 'page' | 'sop' | 'case' | 'ticket'; value?: string }) {
  const { t } = useI18n();
  const staff = readSession() !== null;
  const text =
    kind === 'sop'
      ? t('notFoundSop', { id: value })
      : kind === 'case'
        ? t('notFoundCase')
        : kind === 'ticket'
          ? t('notFoundTicket', { ticket: value })
          : t('notFoundPage', { path: value });
  useEffect(() => {
    const before = document.title;
    document.title = `${t('notFoundTitle')} · 404`;
    return () => {
      document.title = before;
    };
  }, [t]);
  return (
    <section className="card not-found" data-testid="not-found" data-kind={kind} role="alert">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{t('notFoundTitle')}</h1>
      <p>{text}</p>
      <p className="not-found-links">
        <Link href="/sops" className="button">
          {t('notFoundHome')}
        </Link>
        {staff && (
          <Link href="/inbox" className="button">
            {t('notFoundInbox')}
          </Link>
        )}
      </p>
    </section>
  );
}
