import type { ItemDiff, SopVersionDiff } from '@sop/compare';
import { useI18n, type MessageKey } from '../i18n';

const GROUPS: [keyof Omit<SopVersionDiff, 'changed'>, MessageKey][] = [
  ['steps', 'compareDiffSteps'],
  ['formFields', 'compareDiffFormFields'],
  ['lanes', 'compareDiffLanes'],
  ['channels', 'compareDiffChannels'],
];

/** Who published a version, when, and why (its change note). */
export interface VersionFacts {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
  changeNote: string | null;
  timeZone: string;
}

/** What changed between two versions of one SOP: who published each and why, then items added, removed and changed, field by field. */
export function VersionDiffView({ from, to, diff, versions = [] }: { from: string; to: string; diff: SopVersionDiff; versions?: VersionFacts[] }) {
  const { t, lang } = useI18n();
  const when = (v: VersionFacts) =>
    new Date(v.publishedAt).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone: v.timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  return (
    <section className="card compare-diff" data-testid="compare-diff">
      <h2>{t('compareDiffTitle', { from, to })}</h2>
      {versions.length > 0 && (
        <dl className="compare-diff-versions" data-testid="compare-diff-versions">
          {versions.map((v) => (
            <div key={v.version} data-testid="compare-diff-version" data-version={v.version}>
              <dt>{t('sopVersion', { n: v.version })}</dt>
              <dd>
                {t('compareDiffPublished', { at: when(v), by: v.publishedBy ?? t('compareDiffFromFile') })}
                {v.changeNote ? <q className="compare-diff-note">{v.changeNote}</q> : <span className="blank"> {t('compareDiffNoNote')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {!diff.changed && <p className="blank">{t('compareDiffNone')}</p>}
      {GROUPS.filter(([key]) => hasAny(diff[key])).map(([key, title]) => (
        <div key={key} className="compare-diff-group" data-testid={`compare-diff-${key}`}>
          <h3>{t(title)}</h3>
          <ul>
            {diff[key].added.map((i) => (
              <li key={`+${i.flow ?? ''}${i.id}`} className="compare-diff-added" data-testid={`compare-diff-added-${i.id}`}>
                <span className="compare-diff-mark">{t('compareDiffAdded')}</span> <code>{i.id}</code> {i.label}
              </li>
            ))}
            {diff[key].removed.map((i) => (
              <li key={`-${i.flow ?? ''}${i.id}`} className="compare-diff-removed" data-testid={`compare-diff-removed-${i.id}`}>
                <span className="compare-diff-mark">{t('compareDiffRemoved')}</span> <code>{i.id}</code> {i.label}
              </li>
            ))}
            {diff[key].changed.map((i) => (
              <li key={`~${i.flow ?? ''}${i.id}`} className="compare-diff-changed" data-testid={`compare-diff-changed-${i.id}`}>
                <span className="compare-diff-mark">{t('compareDiffChanged')}</span> <code>{i.id}</code> {i.label}
                <dl>
                  {i.changes.map((c) => (
                    <div key={c.field}>
                      <dt>{c.field}</dt>
                      <dd>
                        <del>{c.before ?? t('compareDiffEmptyValue')}</del> → <ins>{c.after ?? t('compareDiffEmptyValue')}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function hasAny(d: ItemDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length > 0;
}
