import type { SopDocument } from '@sop/model/graph';
import { useI18n, type MessageKey } from '../i18n';
import './sop-document.css';

const FIELDS: [keyof NonNullable<SopDocument['service']>, MessageKey][] = [
  ['biaya', 'docBiaya'],
  ['dasarBiaya', 'docDasarBiaya'],
  ['persyaratan', 'docPersyaratan'],
  ['waktuPenyelesaian', 'docWaktuPenyelesaian'],
  ['kondisiWaktu', 'docKondisiWaktu'],
  ['produk', 'docProduk'],
];

/**
 * The SOP's service standard (standar pelayanan) as the source prints it: only the fields it prints,
 * a lost one (null) said to be illegible, never filled in; a line saying so when it prints none.
 */
export function ServiceStandard({ sop }: { sop: SopDocument }) {
  const { t } = useI18n();
  const service = sop.service;
  const shown = FIELDS.filter(([key]) => service && key in service);
  if (!shown.length) {
    return (
      <p className="blank" data-testid="service-standard-none">
        {t('docServiceNone')}
      </p>
    );
  }
  return (
    <dl className="identity service-standard" data-testid="service-standard">
      {shown.map(([key, label]) => {
        const value = service![key];
        const items = Array.isArray(value) ? value : value == null ? [] : [value];
        return (
          <div key={key} className="identity-row" data-testid={`service-${key}`}>
            <dt>{t(label)}</dt>
            {items.length === 0 ? (
              <dd className="blank">{t('docIllegible')}</dd>
            ) : items.length === 1 ? (
              <dd>{items[0]}</dd>
            ) : (
              <dd>
                <ol className="service-list">
                  {items.map((item, n) => (
                    <li key={n}>{item}</li>
                  ))}
                </ol>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
