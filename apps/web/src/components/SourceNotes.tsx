import { useId } from 'react';
import { sourceGaps, type SopDocument, type SourceGap, type SourceGapKind } from '@sop/model/graph';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import './sop-document.css';

const KIND: Record<SourceGapKind, MessageKey> = {
  step: 'gapKindStep',
  outcome: 'gapKindOutcome',
  escalation: 'gapKindEscalation',
  rejection: 'gapKindRejection',
  timeout: 'gapKindTimeout',
  channel: 'gapKindChannel',
};

/** What a marked part is, in the UI's words plus the SOP's own (the outcome's label, the channel's, the timeout's action). */
export function gapWhat(gap: SourceGap, t: Translate): string {
  const kind = t(KIND[gap.kind]);
  if (gap.kind === 'timeout') return `${kind}: ${t(`gapAction${gap.text}` as MessageKey)}`;
  if (gap.kind === 'step') return kind;
  return gap.text ? `${kind} “${gap.text}”` : kind;
}

/** Where a marked part is: the step's number and id, or nothing for a channel. */
export function gapWhere(gap: SourceGap): string {
  if (!gap.step) return '—';
  return gap.number ? `${gap.number} · ${gap.step}` : gap.step;
}

/** The status of a mark in the UI's words: "keputusan platform, tidak tertulis di SOP sumber" or "terpotong atau rusak". */
export function gapStatus(gap: Pick<SourceGap, 'status'>, t: Translate): string {
  return t(gap.status === 'inferred' ? 'gapInferred' : 'gapIncomplete');
}

/** The notice an SOP whose source is cut off or damaged carries, with its note. */
export function SourceIncompleteNotice({ sop }: { sop: SopDocument }) {
  const { t } = useI18n();
  if (sop.source?.complete !== false) return null;
  return (
    <div className="notice notice-gap" role="note" data-testid="source-incomplete">
      <strong>{t('docSourceIncomplete')}</strong>
      {sop.source.note && <span className="notice-gap-note">{t('docSourceNote', { note: sop.source.note })}</span>}
    </div>
  );
}

/**
 * The SOP's source notes: every step, branch, timeout rule and channel marked as not printed in the
 * source (a platform decision) or printed but damaged, with its reason, as a table.
 */
export function SourceNotes({ sop }: { sop: SopDocument }) {
  const { t } = useI18n();
  const gaps = sourceGaps(sop);
  const leadId = useId();
  if (!gaps.length) {
    return (
      <p className="blank" data-testid="source-notes-none">
        {t('gapNone')}
      </p>
    );
  }
  return (
    <div data-testid="source-notes">
      <p className="gap-lead" id={leadId}>
        {t('gapLead')}
      </p>
      {/* a narrow phone: the table scrolls sideways in its own box, the page does not */}
      <div className="gap-table-scroll" role="region" aria-labelledby={leadId} tabIndex={0}>
        <table className="gap-table">
          <thead>
            <tr>
              <th>{t('gapColWhere')}</th>
              <th>{t('gapColWhat')}</th>
              <th>{t('gapColStatus')}</th>
              <th>{t('gapColNote')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.pointer} data-testid="source-gap" data-kind={g.kind} data-status={g.status} data-step={g.step ?? undefined}>
                <td data-label={t('gapColWhere')}>{gapWhere(g)}</td>
                <td data-label={t('gapColWhat')}>{gapWhat(g, t)}</td>
                <td data-label={t('gapColStatus')}>
                  <span className={`gap-badge gap-badge-${g.status}`}>{gapStatus(g, t)}</span>
                </td>
                <td data-label={t('gapColNote')}>{g.note ?? <span className="blank">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
