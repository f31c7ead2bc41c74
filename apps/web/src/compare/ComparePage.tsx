import { useMemo, useState } from 'react';
import { comparisonCsv, compareSops, type CaseTime, type ComparedSop, type MatrixRow, type SopComparison } from '@sop/compare';
import { ROLE_INFO, isKnownRole, roleDescription } from '@sop/model';
import { ApiError, fetchSop, fetchSops, requestJson, type SopDetail, type SopSummary } from '../api';
import { Notice } from '../components/Shell';
import { downloadText } from '../export-diagram';
import { formatTotal } from '../format-time';
import { gapWhat, gapWhere } from '../components/SourceNotes';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { EVERY_WORDS } from '../periodic-words';
import { Link, replaceSearch, useLocation } from '../router';
import { useFetch } from '../use-fetch';
import { finishText } from './case-time-text';
import { compareSearch, formatCompareId, parseCompareIds, type CompareId } from './compare-ids';
import { CompareDiagrams } from './CompareDiagrams';
import { VersionDiffView } from './VersionDiffView';
import './compare.css';

export function ComparePage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const parsed = parseCompareIds(search);
  const list = useFetch('sops', (signal) => fetchSops(signal));
  const items = parsed.ok ? parsed.items : [];

  return (
    <div className="page compare-page" data-testid="compare-page">
      <header className="page-head">
        <h1>{t('compareTitle')}</h1>
        <p className="lead no-print">{t('compareLead')}</p>
      </header>
      {list.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {list.state === 'error' && <Notice kind="error">{t('loadFailed', { message: list.message })}</Notice>}
      {list.state === 'ready' && <Selection sops={list.value.sops} items={items} />}
      {!parsed.ok && (
        <Notice kind="error">
          <span data-testid="compare-ids-error">
            {t('compareBadIds', {
              message: 'n' in parsed.problem ? t(parsed.problem.key, { n: parsed.problem.n }) : t(parsed.problem.key, { item: parsed.problem.item }),
            })}
          </span>
        </Notice>
      )}
      {parsed.ok && items.length < 2 && (
        <p className="notice no-print" data-testid="compare-choose-more">
          {t('compareChooseMore')}
        </p>
      )}
      {parsed.ok && items.length >= 2 && <Comparison key={compareSearch(items)} items={items} />}
    </div>
  );
}

function Selection({ sops, items }: { sops: SopSummary[]; items: CompareId[] }) {
  const { t } = useI18n();
  const plain = new Set(items.filter((i) => i.version === null).map((i) => i.id));
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...items.filter((i) => i.id !== id), { id, version: null }] : items.filter((i) => i.id !== id);
    replaceSearch(compareSearch(next));
  };
  return (
    <section className="card compare-select no-print" data-testid="compare-select">
      <h2>{t('compareSelectTitle')}</h2>
      <p className="compare-hint">{t('compareSelectHint', { n: plain.size })}</p>
      <div className="compare-choices">
        {sops.map((s) => {
          const checked = plain.has(s.id);
          return (
            <label key={s.id} className={`compare-choice${checked ? ' is-checked' : ''}`}>
              <input
                type="checkbox"
                data-testid={`compare-check-${s.id}`}
                checked={checked}
                disabled={!checked && items.length >= 5}
                onChange={(e) => toggle(s.id, e.target.checked)}
              />
              <span>
                <strong>{s.regency}</strong>
                <small>{s.title}</small>
              </span>
            </label>
          );
        })}
      </div>
      <VersionPicker sops={sops} items={items} />
    </section>
  );
}

interface VersionList {
  versions: { version: number; publishedAt: string; changeNote: string | null }[];
}

function VersionPicker({ sops, items }: { sops: SopSummary[]; items: CompareId[] }) {
  const { t } = useI18n();
  const current = items.length === 2 && items[0].id === items[1].id ? items[0].id : null;
  // start on an SOP that has something to compare: the first with more than one version
  const [sopId, setSopId] = useState(current ?? sops.find((s) => s.version > 1)?.id ?? sops.at(0)?.id ?? '');
  const versions = useFetch(`versions:${sopId}`, (signal) => requestJson<VersionList>(`/api/sops/${encodeURIComponent(sopId)}/versions`, { signal }));
  const numbers = versions.state === 'ready' ? versions.value.versions.map((v) => v.version).sort((a, b) => a - b) : [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const fromValue = from ?? numbers.at(-2) ?? null;
  const toValue = to ?? numbers.at(-1) ?? null;
  const go = () => {
    if (fromValue === null || toValue === null || fromValue === toValue) return;
    replaceSearch(
      compareSearch([
        { id: sopId, version: fromValue },
        { id: sopId, version: toValue },
      ]),
    );
  };
  return (
    <div className="compare-versions" data-testid="compare-versions">
      <h3>{t('compareVersionsTitle')}</h3>
      <div className="compare-versions-row">
        <label>
          <span>{t('compareVersionsSop')}</span>
          <select
            value={sopId}
            data-testid="compare-version-sop"
            onChange={(e) => {
              setSopId(e.target.value);
              setFrom(null);
              setTo(null);
            }}
          >
            {sops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.regency}
              </option>
            ))}
          </select>
        </label>
        {numbers.length >= 2 ? (
          <>
            <label>
              <span>{t('compareVersionsFrom')}</span>
              <select value={fromValue ?? ''} data-testid="compare-version-from" onChange={(e) => setFrom(Number(e.target.value))}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {t('compareVersionLabel', { n })}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('compareVersionsTo')}</span>
              <select value={toValue ?? ''} data-testid="compare-version-to" onChange={(e) => setTo(Number(e.target.value))}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {t('compareVersionLabel', { n })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button-primary" data-testid="compare-versions-go" disabled={fromValue === toValue} onClick={go}>
              {t('compareVersionsGo')}
            </button>
          </>
        ) : versions.state === 'error' ? (
          <span className="compare-hint" role="alert" data-testid="compare-versions-failed">
            {t('loadFailed', { message: versions.message })}
          </span>
        ) : (
          versions.state === 'ready' && <span className="compare-hint">{t('compareVersionsOnlyOne')}</span>
        )}
      </div>
    </div>
  );
}

interface Loaded {
  item: CompareId;
  detail: SopDetail;
}

async function loadItem(item: CompareId, signal: AbortSignal, t: Translate): Promise<Loaded> {
  try {
    const detail =
      item.version === null
        ? await fetchSop(item.id, signal)
        : await requestJson<SopDetail>(`/api/sops/${encodeURIComponent(item.id)}/versions/${item.version}`, { signal });
    return { item, detail };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      throw new Error(item.version === null ? t('compareNotFound', { id: item.id }) : t('compareVersionNotFound', { id: item.id, n: item.version }));
    }
    throw e;
  }
}

function Comparison({ items }: { items: CompareId[] }) {
  const { t, lang } = useI18n();
  const loaded = useFetch(`compare:${compareSearch(items)}`, (signal) => Promise.all(items.map((item) => loadItem(item, signal, t))));
  const comparison = useMemo(() => {
    if (loaded.state !== 'ready') return null;
    // two versions of one SOP are told apart by their version; regencies by their id
    const sameId = loaded.value.every((l) => l.item.id === loaded.value[0].item.id);
    return compareSops(
      loaded.value.map((l) => ({ key: sameId ? `${l.item.id}@${l.detail.version}` : formatCompareId(l.item), sop: l.detail.sop, version: l.detail.version })),
      { lang },
    );
  }, [loaded, lang]);
  if (loaded.state === 'loading') return <Notice kind="loading">{t('loading')}</Notice>;
  if (loaded.state === 'error') return <Notice kind="error">{t('loadFailed', { message: loaded.message })}</Notice>;
  if (!comparison) return null;
  return (
    <>
      {comparison.versionDiff && (
        <VersionDiffView
          from={comparison.sops[0].key}
          to={comparison.sops[1].key}
          diff={comparison.versionDiff}
          versions={loaded.value.map((l) => ({
            version: l.detail.version,
            publishedAt: l.detail.publishedAt,
            publishedBy: l.detail.publishedBy,
            changeNote: l.detail.changeNote,
            timeZone: l.detail.sop.calendar.timeZone,
          }))}
        />
      )}
      <Matrix comparison={comparison} details={loaded.value.map((l) => l.detail)} />
      <CompareDiagrams details={loaded.value.map((l) => l.detail)} keys={comparison.sops.map((s) => s.key)} versionDiff={comparison.versionDiff} />
    </>
  );
}

const TIME_ROWS: Record<string, (s: ComparedSop) => CaseTime | null> = {
  bestCase: (s) => s.bestCase,
  worstCase: (s) => s.worstCase,
};

const FIELD_TYPE_KEYS: Partial<Record<string, MessageKey>> = {
  text: 'compareFieldType_text',
  textarea: 'compareFieldType_textarea',
  email: 'compareFieldType_email',
  phone: 'compareFieldType_phone',
  landline: 'compareFieldType_landline',
  'phone-or-landline': 'compareFieldType_phoneOrLandline',
  nik: 'compareFieldType_nik',
  kk: 'compareFieldType_kk',
  'nik-or-kk': 'compareFieldType_nikOrKk',
  choice: 'compareFieldType_choice',
  date: 'compareFieldType_date',
};

const CHANNEL_KINDS = new Set([
  'tatap-muka',
  'telepon',
  'fax',
  'sms',
  'whatsapp',
  'email',
  'website',
  'media-sosial',
  'facebook',
  'instagram',
  'surat',
  'kotak-pengaduan',
  'call-centre',
  'lapor',
  'lainnya',
]);

const SERVICE_KEYS: Partial<Record<string, MessageKey>> = {
  biaya: 'docBiaya',
  dasarBiaya: 'docDasarBiaya',
  persyaratan: 'docPersyaratan',
  waktuPenyelesaian: 'docWaktuPenyelesaian',
  kondisiWaktu: 'docKondisiWaktu',
  produk: 'docProduk',
};

/** The text of a message key, or undefined when there is no key (a kind the UI has no words for). */
function translated(key: MessageKey | undefined, t: Translate): string | undefined {
  return key ? t(key) : undefined;
}

/** A row's label in the UI language; SOP content (a regulation's short name, a channel kind) as it is. */
function rowLabel(row: MatrixRow, t: Translate, lang: 'id' | 'en'): string {
  if (row.section === 'figures') return t(`compareRow_${row.key}` as MessageKey);
  if (row.section === 'service') return translated(SERVICE_KEYS[row.key], t) ?? row.label;
  if (row.section === 'gaps') return t(`compareGap_${row.key}` as MessageKey);
  if (row.section === 'constructs') return t(`compareConstruct_${row.key}` as MessageKey);
  if (row.section === 'roles') return isKnownRole(row.key) ? ROLE_INFO[row.key][lang === 'id' ? 'id' : 'en'] : row.key;
  // an other role is named by its SOP's own description, as written
  if (row.section === 'otherRoles') return row.label;
  if (row.section === 'forms') return translated(FIELD_TYPE_KEYS[row.key], t) ?? row.key;
  // a channel kind in words (the schema's list); an unknown kind as written
  if (row.section === 'channels') return CHANNEL_KINDS.has(row.key) ? t(`compareChannel_${row.key.replace(/-/g, '_')}` as MessageKey) : row.key;
  if (row.section === 'periodic') return translated(EVERY_WORDS[row.key], t) ?? row.key;
  return row.label;
}

/** The cells as shown: the SOP's own time sums in the UI language, everything else as computed. */
function shownCells(row: MatrixRow, comparison: SopComparison, t: Translate): string[] {
  if (row.section === 'service')
    return row.cells.map((c, i) =>
      c !== '' && comparison.sops[i].service?.[row.key as keyof NonNullable<ComparedSop['service']>] === null ? t('docIllegible') : c,
    );
  if (row.section === 'gaps') {
    return comparison.sops.map((s) => {
      if (row.key === 'sourceComplete')
        return s.source.complete ? t('compareGapComplete') : `${t('compareGapIncomplete')}${s.source.note ? `: ${s.source.note}` : ''}`;
      const marked = s.gaps.filter((g) => g.status === row.key);
      return marked.length ? `${marked.length}: ${marked.map((g) => `${gapWhere(g)} ${gapWhat(g, t)}`).join('; ')}` : '0';
    });
  }
  const pick = row.section === 'figures' ? TIME_ROWS[row.key] : undefined;
  if (!pick) return row.cells;
  return comparison.sops.map((s, i) => {
    const time = pick(s);
    return time ? formatTotal(time.sopTotal, t) : row.cells[i];
  });
}

function Matrix({ comparison, details }: { comparison: SopComparison; details: SopDetail[] }) {
  const { t, lang } = useI18n();
  const sections = [...new Set(comparison.matrix.map((r) => r.section))];
  const referenceDate = new Date(`${comparison.referenceDate}T12:00:00Z`).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const exportCsv = () => {
    const shown = { ...comparison, matrix: comparison.matrix.map((r) => ({ ...r, cells: shownCells(r, comparison, t) })) };
    const csv = comparisonCsv(shown, {
      headers: { section: t('compareColumnSection'), item: t('compareColumnItem'), status: t('compareColumnStatus') },
      sectionLabel: (r) => t(`compareSection_${r.section}` as MessageKey),
      rowLabel: (r) => rowLabel(r, t, lang),
      statusLabel: (r) => t(`compareStatus_${r.status}` as MessageKey),
    });
    downloadText(`sop-compare-${comparison.sops.map((s) => s.key.replace('@', '-v')).join('-')}.csv`, `\ufeff${csv}`, 'text/csv;charset=utf-8');
  };
  return (
    <section className="card compare-matrix-card" data-testid="compare-matrix">
      <div className="card-head">
        <h2>{t('compareMatrixTitle')}</h2>
        <div className="toolbar no-print">
          <button type="button" className="button" data-testid="compare-csv" onClick={exportCsv}>
            {t('compareDownloadCsv')}
          </button>
          <button type="button" className="button button-primary" data-testid="compare-print" onClick={() => window.print()}>
            {t('comparePrint')}
          </button>
        </div>
      </div>
      <p className="compare-hint" data-testid="compare-time-note">
        {t('compareTimeNote', { date: referenceDate })}
      </p>
      <div className="compare-table-wrap">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('compareColumnItem')}</th>
              {comparison.sops.map((s, i) => (
                <th scope="col" key={s.key} data-sop={s.key}>
                  <span className="compare-sop-regency">{s.regency}</span>
                  <span className="compare-sop-title">{s.title}</span>
                  <span className="compare-sop-meta">
                    <span className="badge">{t('sopVersion', { n: details[i].version })}</span>
                    <Link href={`/sops/${details[i].id}`} className="no-print">
                      {t('compareOpenSop')}
                    </Link>
                  </span>
                </th>
              ))}
              <th scope="col">{t('compareColumnStatus')}</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section} data-section={section}>
              <tr className="compare-section-row">
                <th colSpan={comparison.sops.length + 2} scope="colgroup">
                  {t(`compareSection_${section}` as MessageKey)}
                </th>
              </tr>
              {comparison.matrix
                .filter((r) => r.section === section)
                .map((row) => {
                  const cells = shownCells(row, comparison, t);
                  const time =
                    row.section === 'figures' && (row.key === 'worstCaseWorking' || row.key === 'bestCaseWorking')
                      ? row.key === 'worstCaseWorking'
                        ? 'worstCase'
                        : 'bestCase'
                      : null;
                  return (
                    <tr key={`${row.section}:${row.key}`} className={`compare-row is-${row.status}`} data-testid={`compare-row-${row.section}-${row.key}`}>
                      <th scope="row" title={row.section === 'roles' && isKnownRole(row.key) ? roleDescription(row.key, lang) : undefined}>
                        {rowLabel(row, t, lang)}
                      </th>
                      {cells.map((cell, i) => {
                        const s = comparison.sops[i];
                        const ends = time ? finishText(s, s[time], t, lang) : null;
                        return (
                          <td
                            key={s.key}
                            data-sop={s.key}
                            className={cell ? (row.section === 'legal' ? 'is-present' : undefined) : 'is-absent'}
                            title={row.section === 'legal' ? cell : undefined}
                          >
                            {row.section === 'legal' ? cell ? <span className="compare-legal">{cell}</span> : '—' : cell || '—'}
                            {ends && <small className="compare-ends">{ends}</small>}
                          </td>
                        );
                      })}
                      <td>
                        <span className={`compare-status compare-status-${row.status}`}>{t(`compareStatus_${row.status}` as MessageKey)}</span>
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
