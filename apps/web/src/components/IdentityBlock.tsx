import type { SopDocument } from '@sop/model';
import { useI18n, type MessageKey } from '../i18n';

/** The identity block of the SOP-AP, as printed at its top. */
export function IdentityBlock({ sop }: { sop: SopDocument }) {
  const { t } = useI18n();
  const i = sop.identity;
  const approved = [i.approvedBy?.name, i.approvedBy?.title, i.approvedBy?.rank, i.approvedBy?.nip ? `NIP ${i.approvedBy.nip}` : null].filter(Boolean);
  const rows: [MessageKey, string | null | undefined][] = [
    ['idGovernment', i.government],
    ['idOffice', i.office],
    ['idUnit', i.unit],
    ['idNumber', i.number],
    ['idTitle', i.title],
    ['idPembuatan', i.dates?.pembuatan],
    ['idRevisi', i.dates?.revisi],
    ['idEfektif', i.dates?.efektif],
    ['idPengesahan', i.dates?.pengesahan],
    ['idTimeZone', sop.calendar.timeZone],
  ];
  return (
    <dl className="identity" data-testid="identity-block">
      {rows.map(([key, value]) => (
        <div key={key} className="identity-row">
          <dt>{t(key)}</dt>
          <dd className={value ? undefined : 'blank'}>{value || t('blank')}</dd>
        </div>
      ))}
      <div className="identity-row">
        <dt>{t('idApprovedBy')}</dt>
        <dd className={approved.length ? undefined : 'blank'}>
          {approved.length
            ? approved.map((line, n) => (
                <span key={n} className="identity-line">
                  {line}
                </span>
              ))
            : t('blank')}
        </dd>
      </div>
    </dl>
  );
}
