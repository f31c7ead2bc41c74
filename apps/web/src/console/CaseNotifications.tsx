import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { formatInstant } from '../simulation/format';
import type { Session } from '../session';
import { fetchCaseNotifications, type CaseNotification } from './console-api';

const CHANNEL: Record<CaseNotification['channel'], MessageKey> = { email: 'consoleNotifyEmail', whatsapp: 'consoleNotifyWhatsapp', sms: 'consoleNotifySms' };
const MOMENT: Record<CaseNotification['moment'], MessageKey> = { filed: 'consoleNotifyFiled', reply: 'consoleNotifyReply', closed: 'consoleNotifyClosed' };
const STATUS: Record<CaseNotification['status'], MessageKey> = {
  pending: 'consoleNotifyPending',
  sending: 'consoleNotifySending',
  sent: 'consoleNotifySent',
  failed: 'consoleNotifyFailed',
};

/** The messages sent (or waiting) to the complainant: channel, masked address, status, time. */
export function CaseNotifications({ session, caseId, version, timeZone }: { session: Session; caseId: string; version: number; timeZone: string }) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<CaseNotification[] | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchCaseNotifications(session.token, caseId, abort.signal)
      .then((r) => setItems(r.items))
      .catch(() => setItems(null));
    return () => abort.abort();
  }, [session.token, caseId, version]);
  if (items === null) return null;
  return (
    <section className="card console-notifications" data-testid="case-notifications">
      <h2>{t('consoleNotifyTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted" data-testid="case-notifications-none">
          {t('consoleNotifyNone')}
        </p>
      ) : (
        <ul className="console-notify-list">
          {items.map((n) => (
            <li key={n.id} data-testid="case-notification" data-status={n.status}>
              <span className={`badge console-notify-${n.status}`}>{t(STATUS[n.status])}</span> <strong>{t(CHANNEL[n.channel])}</strong> · {n.to} ·{' '}
              {t(MOMENT[n.moment])}
              <span className="muted">
                {' '}
                · {formatInstant(new Date(n.sentAt ?? n.updatedAt), timeZone, lang)}
                {n.attempts > 1 && ` · ${t('consoleNotifyAttempts', { n: n.attempts })}`}
              </span>
              {n.error && n.status !== 'sent' && <span className="console-notify-error">{n.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
