import { useMemo } from 'react';
import { layoutSwimlanes, renderSwimlaneSvg } from '@sop/swimlane-layout';
import type { SopDetail } from '../api';
import { diagramHeaders } from '../diagram/diagram-headers';
import { useI18n } from '../i18n';

/** The per-complaint flowcharts of the compared SOPs side by side, as static SVG images (read-only, light). */
export function CompareDiagrams({ details, keys }: { details: SopDetail[]; keys: string[] }) {
  const { t } = useI18n();
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const images = useMemo(
    () =>
      details.map((d) => {
        const layout = layoutSwimlanes(d.sop, { flow: 'main', showMutuBaku: false });
        const svg = renderSwimlaneSvg(layout, { headers, title: d.sop.identity.flowchartTitle ?? d.sop.identity.title });
        return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: layout.width };
      }),
    [details, headers],
  );
  return (
    <section className="card compare-diagrams-card">
      <h2>{t('compareDiagramsTitle')}</h2>
      <div className={`compare-diagrams compare-diagrams-${details.length}`} data-testid="compare-diagrams">
        {details.map((d, i) => (
          <figure key={keys[i]} className="compare-diagram" data-sop={keys[i]}>
            <figcaption>
              <strong>{d.sop.identity.regency}</strong> · {t('sopVersion', { n: d.version })}
            </figcaption>
            <div className="compare-diagram-scroll">
              <img
                src={images[i].src}
                alt={d.sop.identity.flowchartTitle ?? d.sop.identity.title}
                style={{ minWidth: Math.min(images[i].width, 720), maxWidth: images[i].width }}
              />
            </div>
          </figure>
        ))}
      </div>
    </section>
  );
}
