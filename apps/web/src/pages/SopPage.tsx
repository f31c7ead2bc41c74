import { useMemo, useRef, useState } from 'react';
import { VersionStatusLine } from '../approval/VersionStatusLine';
import { flowsOf, isSourceIncomplete } from '@sop/model/graph';
import { layoutSwimlanes, renderSwimlaneSvg } from '@sop/swimlane-layout';
import { fetchSop, type SopDetail } from '../api';
import { IdentityBlock } from '../components/IdentityBlock';
import { InspectionFigures } from '../components/InspectionFigures';
import { NotFound } from '../components/NotFound';
import { Notice } from '../components/Shell';
import { SopSections } from '../components/SopSections';
import { ServiceStandard } from '../components/ServiceStandard';
import { SourceIncompleteNotice, SourceNotes } from '../components/SourceNotes';
import { constructWords, diagramHeaders } from '../diagram/diagram-headers';
import { SwimlaneDiagram } from '../diagram/SwimlaneDiagram';
import { diagramPng, download, downloadText } from '../export-diagram';
import { useI18n, type Translate } from '../i18n';
import { flowName } from '../periodic-words';
import { Link } from '../router';
import { useFetch } from '../use-fetch';

export function SopPage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useFetch(`sop:${id}`, (signal) => fetchSop(id, signal));
  return (
    <div className="page">
      <Link href="/sops" className="back">
        {t('backToList')}
      </Link>
      {detail.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {detail.state === 'error' &&
        (detail.status === 404 ? <NotFound kind="sop" value={id} /> : <Notice kind="error">{t('loadFailed', { message: detail.message })}</Notice>)}
      {detail.state === 'ready' && <SopView detail={detail.value} />}
    </div>
  );
}

function SopView({ detail }: { detail: SopDetail }) {
  const { t, lang } = useI18n();
  const { sop } = detail;
  const [flowId, setFlowId] = useState('main');
  const [showMutuBaku, setShowMutuBaku] = useState(true);
  const [busy, setBusy] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const layout = useMemo(() => layoutSwimlanes(sop, { flow: flowId, showMutuBaku }), [sop, flowId, showMutuBaku]);
  const headers = useMemo(() => diagramHeaders(t), [t]);
  const words = useMemo(() => constructWords(t), [t]);
  const flow = flowsOf(sop).find((f) => f.id === flowId)!;
  const fileBase = `sop-${detail.id}-v${detail.version}${flowId === 'main' ? '' : `-${flowId}`}`;
  const title = flowId === 'main' ? (sop.identity.flowchartTitle ?? sop.identity.title) : flowName(detail, flowId, t);

  // the error itself, worded when shown (in the page's language then)
  const [exportFailure, setExportError] = useState<{ error: unknown } | null>(null);
  const exportError = exportFailure === null ? null : exportFailureText(exportFailure.error, t);
  const exportPng = async () => {
    if (!container.current) return;
    setBusy(true);
    setExportError(null);
    try {
      download(`${fileBase}.png`, await diagramPng(container.current, layout));
    } catch (e) {
      setExportError({ error: e });
    } finally {
      setBusy(false);
    }
  };
  const exportSvg = () => downloadText(`${fileBase}.svg`, renderSwimlaneSvg(layout, { headers, title, words }), 'image/svg+xml');

  return (
    <article className="sop" data-testid="sop-page" data-sop-id={detail.id} lang={lang}>
      <header className="sop-head">
        <span className="eyebrow">
          {sop.identity.regency} · {sop.identity.office}
        </span>
        <h1 data-testid="sop-title">{sop.identity.title}</h1>
        {!isSourceIncomplete(sop) && (
          <p>
            <Link
              href={`/lapor/${detail.id}`}
              className="button button-primary"
              data-testid="lapor-link"
              aria-label={t('publicLaporTo', { regency: sop.identity.regency })}
            >
              {t('publicLaporButton')}
            </Link>
          </p>
        )}
        <p className="sop-meta">
          <span className="badge">{t('sopVersion', { n: detail.version })}</span>
          {sop.identity.number && <span>{sop.identity.number}</span>}
          <span>{t('sopPublished', { date: new Date(detail.publishedAt).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long' }) })}</span>
        </p>
        <VersionStatusLine sopId={detail.id} status={detail.versionStatus} timeZone={detail.timeZone} />
      </header>

      <SourceIncompleteNotice sop={sop} />

      <InspectionFigures sop={sop} inspection={detail.inspection} />

      <section className="card diagram-card">
        <div className="card-head">
          <h2>{t('diagramTitle')}</h2>
          <div className="toolbar">
            <label className="switch" data-testid="toggle-mutu-baku">
              <input type="checkbox" checked={showMutuBaku} onChange={(e) => setShowMutuBaku(e.target.checked)} />
              <span className="switch-track" aria-hidden="true" />
              <span>{t('showMutuBaku')}</span>
            </label>
            <button type="button" className="button" data-testid="export-png" disabled={busy} onClick={() => void exportPng()}>
              {t('exportPng')}
            </button>
            <button type="button" className="button" data-testid="export-svg" onClick={exportSvg}>
              {t('exportSvg')}
            </button>
            <Link href={`/sops/${detail.id}/ubah`} className="button" data-testid="edit-link">
              {t('editLink')}
            </Link>
            <Link href={`/sops/${detail.id}/simulasi`} className="button" data-testid="simulate-link">
              {t('simulate')}
            </Link>
            <Link href={`/sops/${detail.id}/cetak`} className="button button-primary" data-testid="print-link">
              {t('print')}
            </Link>
          </div>
        </div>
        {exportError && (
          <div className="notice notice-error" role="alert" data-testid="export-error">
            {t('exportFailed', { message: exportError })}
          </div>
        )}
        {flowsOf(sop).length > 1 && (
          <div className="tabs" role="tablist">
            {flowsOf(sop).map((f) => (
              <button key={f.id} type="button" role="tab" aria-selected={f.id === flowId} data-testid={`flow-tab-${f.id}`} onClick={() => setFlowId(f.id)}>
                {flowName(detail, f.id, t)}
              </button>
            ))}
          </div>
        )}
        <Legend gaps={layout.hasGaps} />
        <div className="diagram" ref={container} data-testid="diagram" data-flow={flowId} data-steps={flow.steps.length}>
          <SwimlaneDiagram layout={layout} steps={flow.steps} headers={headers} readOnly />
        </div>
      </section>

      <div className="columns">
        <section className="card">
          <h2>{t('identityTitle')}</h2>
          <IdentityBlock sop={sop} />
        </section>
        <section className="card">
          <h2>{t('sectionsTitle')}</h2>
          <SopSections sop={sop} />
        </section>
      </div>

      <section className="card sop-doc-card" data-testid="service-card">
        <h2>{t('docServiceTitle')}</h2>
        <ServiceStandard sop={sop} />
      </section>
      <section className="card sop-doc-card" data-testid="source-notes-card">
        <h2>{t('gapTitle')}</h2>
        <SourceNotes sop={sop} />
      </section>
    </article>
  );
}

export function Legend({ gaps = false }: { gaps?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('legendLabel')}>
      <li>
        <span className="legend-symbol legend-terminator" />
        {t('legendTerminator')}
      </li>
      <li>
        <span className="legend-symbol legend-task" />
        {t('legendTask')}
      </li>
      <li>
        <span className="legend-symbol legend-decision" />
        {t('legendDecision')}
      </li>
      <li>
        <span className="legend-line legend-escalation" />
        {t('legendEscalation')}
      </li>
      <li>
        <span className="legend-line legend-rejection" />
        {t('legendRejection')}
      </li>
      {gaps && (
        <>
          <li data-testid="legend-gap-inferred">
            <span className="legend-symbol legend-gap-inferred" />
            {t('gapLegendInferred')}
          </li>
          <li data-testid="legend-gap-incomplete">
            <span className="legend-symbol legend-gap-incomplete" />
            {t('gapLegendIncomplete')}
          </li>
        </>
      )}
    </ul>
  );
}

/**
 * Why a PNG could not be made: the part of the app that draws it could not be downloaded (the
 * connection is down; each browser says so in its own English), else the drawing's own error.
 */
function exportFailureText(e: unknown, t: Translate): string {
  const message = e instanceof Error ? e.message : String(e);
  return /dynamically imported module|module script failed|Unable to preload/i.test(message) ? t('exportNotLoaded') : message;
}
