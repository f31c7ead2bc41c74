import { zoneAbbreviation } from '@sop/business-time';
import { fetchSops, type SopSummary } from '../api';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { useFetch } from '../use-fetch';

export function SopListPage() {
  const { t } = useI18n();
  const list = useFetch('sops', fetchSops);
  const { session } = useSession();
  // a new regency is created by the platform administrator (docs/adr/0012-new-regency-from-the-browser.md)
  const platformAdmin = !!session && session.user.regency === '*' && session.user.permissions.includes('admin');
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('listTitle')}</h1>
        <p className="lead">{t('listSubtitle')}</p>
        <p className="lapor-lead" data-testid="lapor-lead">
          {t('publicLaporLead')}
        </p>
        {platformAdmin && (
          <p>
            <Link href="/sops/baru" className="button button-primary" data-testid="new-sop-link">
              {t('newSopLink')}
            </Link>
          </p>
        )}
      </header>
      {list.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {list.state === 'error' && <Notice kind="error">{t('loadFailed', { message: list.message })}</Notice>}
      {list.state === 'ready' && (
        <>
          {list.value.sops.length === 0 && <p className="blank">{t('listEmpty')}</p>}
          <ul className="sop-grid" data-testid="sop-list">
            {[...list.value.sops]
              .sort((a, b) => a.regency.localeCompare(b.regency, 'id'))
              .map((s) => (
                <SopCard key={s.id} sop={s} />
              ))}
          </ul>
          {list.value.rejected.length > 0 && (
            <section className="rejected">
              <h2>{t('listRejected')}</h2>
              <ul>
                {list.value.rejected.map((r) => (
                  <li key={r.file}>
                    <code>{r.file}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function SopCard({ sop }: { sop: SopSummary }) {
  const { t } = useI18n();
  return (
    <li className="sop-card" data-testid="sop-card" data-sop-id={sop.id}>
      <Link href={`/sops/${sop.id}`} className="sop-card-link">
        <span className="eyebrow">
          {sop.regency} · {zoneAbbreviation(sop.timeZone)}
        </span>
        <span className="sop-card-title">{sop.title}</span>
        <span className="sop-card-meta">
          <span>{t('listLanes', { n: sop.lanes })}</span>
          <span>{t('listSteps', { n: sop.steps })}</span>
          <span>{t('listVersion', { n: sop.version })}</span>
        </span>
        <span className="sop-card-cta">{t('listOpen')} →</span>
      </Link>
      {/* the citizen's way in: the office's public complaint form */}
      <Link
        href={`/lapor/${sop.id}`}
        className="button button-primary sop-card-lapor"
        data-testid="lapor-link"
        aria-label={t('publicLaporTo', { regency: sop.regency })}
      >
        {t('publicLaporButton')}
      </Link>
    </li>
  );
}
