import type { SopDocument } from '@sop/model';
import { useI18n, type MessageKey } from '../i18n';

const SECTIONS: [keyof SopDocument['sections'], MessageKey][] = [
  ['dasarHukum', 'secDasarHukum'],
  ['kualifikasiPelaksana', 'secKualifikasiPelaksana'],
  ['keterkaitan', 'secKeterkaitan'],
  ['peralatanPerlengkapan', 'secPeralatanPerlengkapan'],
  ['peringatan', 'secPeringatan'],
  ['pencatatanPendataan', 'secPencatatanPendataan'],
];

/** The six SOP-AP sections, each a numbered list as written. */
export function SopSections({ sop }: { sop: SopDocument }) {
  const { t } = useI18n();
  return (
    <div className="sections" data-testid="sop-sections">
      {SECTIONS.map(([key, label]) => {
        const items = sop.sections[key];
        return (
          <section key={key} className="section-block">
            <h3>{t(label)}</h3>
            {items.length ? (
              <ol>
                {items.map((item, n) => (
                  <li key={n}>{item}</li>
                ))}
              </ol>
            ) : (
              <p className="blank">{t('secEmpty')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
