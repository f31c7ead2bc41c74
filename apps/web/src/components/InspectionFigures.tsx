import type { SopDocument, SopInspection } from '@sop/model';
import { formatTotal } from '../format-time';
import { useI18n } from '../i18n';

/** What a reviewer compares first: steps, decisions, escalation depth, best and worst case. */
export function InspectionFigures({ sop, inspection }: { sop: SopDocument; inspection: SopInspection }) {
  const { t } = useI18n();
  const worst = inspection.worstCase ? formatTotal(inspection.worstCase.total, t) : inspection.loops ? t('figLoops') : t('figNone');
  const best = inspection.bestCase ? formatTotal(inspection.bestCase.total, t) : t('figNone');
  const figures: { id: string; label: string; value: string; hint?: string }[] = [
    { id: 'steps', label: t('figSteps'), value: String(inspection.steps) },
    { id: 'lanes', label: t('figLanes'), value: String(sop.lanes.length) },
    { id: 'decisions', label: t('figDecisions'), value: String(inspection.decisions.length) },
    { id: 'escalation', label: t('figEscalation'), value: String(inspection.escalationDepth), hint: t('figEscalationHint') },
  ];
  return (
    <div className="figures" data-testid="inspection-figures">
      {figures.map((f) => (
        <div key={f.id} className="figure" data-testid={`figure-${f.id}`}>
          <span className="figure-value">{f.value}</span>
          <span className="figure-label">
            {f.label}
            {f.hint ? <span className="figure-hint"> · {f.hint}</span> : null}
          </span>
        </div>
      ))}
      <div className="figure figure-wide" data-testid="figure-worst-case">
        <span className="figure-text">{worst}</span>
        <span className="figure-label">{t('figWorstCase')}</span>
      </div>
      <div className="figure figure-wide" data-testid="figure-best-case">
        <span className="figure-text">{best}</span>
        <span className="figure-label">{t('figBestCase')}</span>
      </div>
      {inspection.channels.length > 0 && (
        <div className="figure figure-full" data-testid="figure-channels">
          <span className="chips">
            {inspection.channels.map((c) => (
              <span key={c.id} className="chip">
                {c.label}
              </span>
            ))}
          </span>
          <span className="figure-label">{t('figChannels')}</span>
        </div>
      )}
    </div>
  );
}
