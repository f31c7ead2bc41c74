import { useEffect, useMemo } from 'react';
import { flowsOf } from '@sop/model/graph';
import { layoutSwimlanes, renderSwimlaneSvg } from '@sop/swimlane-layout';
import { fetchSop, type SopDetail } from '../api';
import { IdentityBlock } from '../components/IdentityBlock';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Notice } from '../components/Shell';
import { SopSections } from '../components/SopSections';
import { ServiceStandard } from '../components/ServiceStandard';
import { SourceIncompleteNotice, SourceNotes } from '../components/SourceNotes';
import { constructWords, diagramHeaders } from '../diagram/diagram-headers';
import { paginatedSvg } from '../diagram/print-pages';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useFetch } from '../use-fetch';
import { flowName } from '../periodic-words';

/** The whole SOP document laid out for paper: identity, SOP-AP sections, then each flowchart. */
export function PrintPage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch(`sop:${id}`, (signal) => fetchSop(id, signal));
  useEffect(() => {
    document.body.classList.add('printing');
    return () => document.body.classList.remove('printing');
  }, []);
  return (
    <div className="print-page">
      <div className="print-bar no-print">
        <Link href={`/sops/${id}`} className="back">
          ←
        </Link>
        <span className="print-hint">{t('printHint')}</span>
        <LanguageSwitch />
        <button type="button" className="button button-primary" data-testid="print-now" onClick={() => window.print()}>
          {t('printNow')}
        </button>
      </div>
      {detail.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {detail.state === 'error' && <Notice kind="error">{detail.status === 404 ? t('notFound', { id }) : t('loadFailed', { message: detail.message })}</Notice>}
      {detail.state === 'ready' && <PrintDocument detail={detail.value} />}
    </div>
  );
}

function PrintDocument({ detail }: { detail: SopDetail }) {
  const { t } = useI18n();
  const { sop } = detail;
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const words = useMemo(() => constructWords(t), [t]);
  const drawings = useMemo(
    () =>
      flowsOf(sop).map((f) => {
        const title = f.id === 'main' ? (sop.identity.flowchartTitle ?? sop.identity.title) : flowName(detail, f.id, t);
        const gapLegend = { inferred: t('gapLegendInferred'), incomplete: t('gapLegendIncomplete'), timeout: t('gapInferred') };
        const layout = layoutSwimlanes(sop, { flow: f.id });
        // a long flow goes over several pages of whole rows under the repeated header, at the scale of a short one
        return { id: f.id, title, svg: paginatedSvg(renderSwimlaneSvg(layout, { headers, title, gapLegend, words }), layout, f.id) };
      }),
    [sop, detail, headers, words, t],
  );
  return (
    <article className="print-doc" data-testid="print-document">
      <header className="print-cover">
        <div className="print-cover-left">
          <p className="print-gov">{sop.identity.government}</p>
          <p className="print-office">{sop.identity.office}</p>
          {sop.identity.unit && <p>{sop.identity.unit}</p>}
        </div>
        <div className="print-cover-right">
          <IdentityBlock sop={sop} />
        </div>
      </header>
      <h1 className="print-title">{sop.identity.title}</h1>
      <SourceIncompleteNotice sop={sop} />
      <SopSections sop={sop} />
      <section className="print-service" data-testid="print-service">
        <h2>{t('docServiceTitle')}</h2>
        <ServiceStandard sop={sop} />
      </section>
      {drawings.map((d) => (
        <section key={d.id} className="print-flow" data-testid={`print-flow-${d.id}`}>
          <div className="print-svg" dangerouslySetInnerHTML={{ __html: d.svg }} />
        </section>
      ))}
      <section className="print-source-notes" data-testid="print-source-notes">
        <h2>{t('gapTitle')}</h2>
        <SourceNotes sop={sop} />
      </section>
    </article>
  );
}
