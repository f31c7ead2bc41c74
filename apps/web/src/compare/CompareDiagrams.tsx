import { useMemo } from 'react';
import { layoutSwimlanes, renderSwimlaneSvg, type DiffMark } from '@sop/swimlane-layout';
import type { SopVersionDiff } from '@sop/compare';
import type { SopDetail } from '../api';
import { diagramHeaders } from '../diagram/diagram-headers';
import { useI18n } from '../i18n';

/**
 * The marks of a version diff on its two drawings: the older one shows what was removed and
 * changed, the newer one what was added and changed (steps of the complaint flow only).
 */
export function diffHighlights(diff: SopVersionDiff): [Record<string, DiffMark>, Record<string, DiffMark>] {
  const onMain = (i: { flow?: string }) => (i.flow ?? 'main') === 'main';
  const before: Record<string, DiffMark> = {};
  const after: Record<string, DiffMark> = {};
  for (const i of diff.steps.removed.filter(onMain)) before[i.id] = 'removed';
  for (const i of diff.steps.added.filter(onMain)) after[i.id] = 'added';
  for (const i of diff.steps.changed.filter(onMain)) before[i.id] = after[i.id] = 'changed';
  return [before, after];
}

/** The per-complaint flowcharts of the compared SOPs side by side, as static SVG images (read-only, light); a version diff's steps marked on both. */
export function CompareDiagrams({ details, keys, versionDiff }: { details: SopDetail[]; keys: string[]; versionDiff?: SopVersionDiff | null }) {
  const { t } = useI18n();
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const images = useMemo(() => {
    const marks = versionDiff && details.length === 2 ? diffHighlights(versionDiff) : null;
    const diffWords = { added: t('compareDiffAdded'), removed: t('compareDiffRemoved'), changed: t('compareDiffChanged') };
    return details.map((d, i) => {
      const layout = layoutSwimlanes(d.sop, { flow: 'main', showMutuBaku: false });
      const svg = renderSwimlaneSvg(layout, { headers, title: d.sop.identity.flowchartTitle ?? d.sop.identity.title, highlight: marks?.[i], diffWords });
      return { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, width: layout.width, marked: Object.keys(marks?.[i] ?? {}).length };
    });
  }, [details, headers, versionDiff, t]);
  return (
    <section className="card compare-diagrams-card">
      <h2>{t('compareDiagramsTitle')}</h2>
      {versionDiff && (
        <p className="compare-diff-legend" data-testid="compare-diff-legend">
          {(['added', 'changed', 'removed'] as const).map((mark) => (
            <span key={mark} className={`compare-diff-swatch compare-diff-swatch-${mark}`}>
              {t(mark === 'added' ? 'compareDiffAdded' : mark === 'changed' ? 'compareDiffChanged' : 'compareDiffRemoved')}
            </span>
          ))}
        </p>
      )}
      <div className={`compare-diagrams compare-diagrams-${details.length}`} data-testid="compare-diagrams">
        {details.map((d, i) => (
          <figure key={keys[i]} className="compare-diagram" data-sop={keys[i]}>
            <figcaption>
              <strong>{d.sop.identity.regency}</strong> · {t('sopVersion', { n: d.version })}
              {versionDiff && (
                <span className="compare-diagram-marks" data-testid="compare-diagram-marks">
                  {' '}
                  · {t('compareDiagramMarked', { n: images[i].marked })}
                </span>
              )}
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
