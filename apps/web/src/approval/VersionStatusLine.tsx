import type { VersionStatus } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { isSignerOf } from './signer';
import './approval.css';

/** A local date ("2026-03-16") or an instant, as the page's language writes a date, in the SOP's time zone. */
export function formatLocalDate(value: string, timeZone: string, lang: string): string {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  // a bare date is the SOP's own local date: read at noon UTC so no zone moves it to another day
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return new Date(value).toLocaleDateString(locale, { dateStyle: 'long', timeZone });
}

/** "Versi 3 berlaku sejak …; versi 4 diusulkan / berlaku mulai …", with the way to the proposals (ADR 0025). */
export function VersionStatusLine({ sopId, status, timeZone }: { sopId: string; status: VersionStatus | undefined; timeZone: string }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  if (!status?.inEffect) return null;
  const since = status.inEffect.effectiveDate ?? status.inEffect.since;
  const next = status.next;
  const signer = session ? isSignerOf(session.user, sopId) : false;
  return (
    <p className="version-status" data-testid="version-status">
      <span data-testid="version-in-effect">
        {t('statusInEffect', { n: status.inEffect.version, date: since ? formatLocalDate(since, timeZone, lang) : '' })}
      </span>
      {next && (
        <span data-testid="version-next" data-status={next.status}>
          {'; '}
          {next.status === 'approved' && next.effectiveDate
            ? t('statusNextApproved', { n: next.version, date: formatLocalDate(next.effectiveDate, timeZone, lang) })
            : t('statusNextProposed', { n: next.version })}
        </span>
      )}
      {(next || status.proposals > 0 || signer) && (
        <>
          {' · '}
          <Link href={`/sops/${sopId}/usulan`} data-testid="proposals-link">
            {t('statusProposalsLink')}
          </Link>
        </>
      )}
    </p>
  );
}
