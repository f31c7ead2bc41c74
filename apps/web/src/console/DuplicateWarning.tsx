import { useI18n } from '../i18n';
import { Link } from '../router';
import { formatInstant } from '../simulation/format';
import type { IdentityMatch } from './intake-api';

/**
 * "The same complainant filed recently" (issue 11): how many, and for the lanes that may see
 * identity the cases themselves, linked. Never the NIK or the number.
 */
export function DuplicateWarning({
  windowDays,
  total,
  items,
  timeZone,
}: {
  windowDays: number;
  total: number;
  items: IdentityMatch[] | null;
  timeZone: string;
}) {
  const { t, lang } = useI18n();
  if (total === 0) return null;
  return (
    <div className="notice notice-warning console-duplicates" role="status" data-testid="duplicate-warning">
      <strong>{t('intakeDuplicateTitle', { days: windowDays })}</strong>
      <p>{t('intakeDuplicateCount', { n: total, days: windowDays })}</p>
      {items && items.length > 0 && (
        <ul>
          {items.map((m) => (
            <li key={m.id} data-testid="duplicate-item">
              <Link href={`/cases/${m.id}`} className="console-ticket">
                {m.ticket}
              </Link>{' '}
              · {formatInstant(new Date(m.receivedAt ?? m.createdAt), timeZone, lang)} · {m.stepLabel} ({m.laneName}) ·{' '}
              {m.status === 'open' ? t('intakeStatusOpen') : t('intakeStatusDone')} ·{' '}
              <em>
                {m.matchedBy.length === 2 ? t('intakeDuplicateBoth') : m.matchedBy[0] === 'nik' ? t('intakeDuplicateByNik') : t('intakeDuplicateByPhone')}
              </em>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
