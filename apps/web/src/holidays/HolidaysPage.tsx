import { useState, type SubmitEvent } from 'react';
import { ApiError, fieldErrorLine, refusalText } from '../api';
import { Notice } from '../components/Shell';
import { useI18n, type Translate } from '../i18n';
import { replaceSearch, useLocation } from '../router';
import { useSession, type Session } from '../session';
import { useFetch } from '../use-fetch';
import { formatHolidayLines, parseHolidayLines, type HolidayEntry } from './holiday-lines';
import { fetchHolidayOverview, fetchHolidayYear, loadHolidayList, type CalendarCoverage, type HolidayYearDetail, type HolidayYearStatus } from './holidays-api';
import './holidays.css';

function statusText(status: HolidayYearStatus, version: number, t: Translate): string {
  if (status === 'loaded') return t('holidaysStatusLoaded', { n: version });
  return status === 'shipped' ? t('holidaysStatusShipped') : t('holidaysStatusProvisional');
}

function CoverageNotice({ coverage }: { coverage: CalendarCoverage }) {
  const { t } = useI18n();
  const text =
    coverage.officialThrough === null
      ? t('holidaysCoverageNone')
      : coverage.status === 'ok'
        ? t('holidaysCoverageOk', { date: coverage.officialThrough })
        : t('holidaysCoverageSoon', { date: coverage.officialThrough, days: coverage.daysLeft ?? 0, from: coverage.provisionalFrom });
  return (
    <div
      className={`notice${coverage.status === 'ok' ? '' : ' notice-error'}`}
      role={coverage.status === 'ok' ? 'status' : 'alert'}
      data-testid="holidays-coverage"
      data-status={coverage.status}
    >
      {text}
    </div>
  );
}

function EntryList({ entries, testId }: { entries: HolidayEntry[]; testId: string }) {
  const { t } = useI18n();
  if (!entries.length) return <p className="muted">{t('holidaysNone')}</p>;
  return (
    <ul className="holiday-list" data-testid={testId}>
      {entries.map((e) => (
        <li key={`${e.date}-${e.name}`}>
          <time dateTime={e.date}>{e.date}</time> {e.name}
        </li>
      ))}
    </ul>
  );
}

/** Who may load what: a platform administrator the national list, a regency's administrator its closures. */
function loadScope(session: Session | null): { office: string | null } | null {
  if (!session?.user.permissions.includes('admin')) return null;
  return { office: session.user.regency === '*' ? null : session.user.regency };
}

function LoadForm({
  detail,
  session,
  office,
  onLoaded,
}: {
  detail: HolidayYearDetail;
  session: Session;
  office: string | null;
  onLoaded: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const current = office ? detail.office?.loaded : null;
  const [source, setSource] = useState(office ? (current?.source ?? '') : detail.status === 'provisional' ? '' : detail.source);
  const [holidays, setHolidays] = useState(formatHolidayLines(office ? (current?.holidays ?? []) : detail.holidays));
  const [cuti, setCuti] = useState(formatHolidayLines(office ? [] : detail.cutiBersama));
  const [note, setNote] = useState('');
  // what was refused, worded when shown: it follows a switch of language
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; lines: (tr: Translate, language: string) => string[] }>({
    kind: 'idle',
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const h = parseHolidayLines(holidays, detail.year);
    const c = parseHolidayLines(office ? '' : cuti, detail.year);
    const word = { unreadable: 'holidaysLineIssue', 'not-a-date': 'holidaysLineNotADate', 'other-year': 'holidaysLineOtherYear' } as const;
    const issues = [...h.issues, ...c.issues];
    if (issues.length) {
      setState({ kind: 'error', lines: (tr) => issues.map((i) => tr(word[i.reason], { line: i.line, text: i.text, year: detail.year })) });
      return;
    }
    setState({ kind: 'saving' });
    try {
      const basedOnVersion = office ? (current?.version ?? 0) : detail.version;
      const res = await loadHolidayList(
        detail.year,
        office,
        { source, holidays: h.entries, ...(office ? {} : { cutiBersama: c.entries }), ...(note.trim() ? { changeNote: note.trim() } : {}), basedOnVersion },
        session.token,
      );
      setState({ kind: 'idle' });
      onLoaded(t('holidaysSaved', { n: res.version, count: res.recomputedDeadlines }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setState({ kind: 'error', lines: (tr) => [tr('holidaysConflict', { year: detail.year })] });
        return;
      }
      if (err instanceof ApiError && err.fieldErrors.length) {
        setState({ kind: 'error', lines: (_, language) => err.fieldErrors.map((f) => fieldErrorLine(f, language)) });
        return;
      }
      setState({ kind: 'error', lines: (_, language) => [refusalText(err, language)] });
    }
  };

  return (
    <form className="card holiday-form" onSubmit={(e) => void submit(e)} data-testid="holidays-form">
      <h3>{office ? t('holidaysLoadOfficeTitle', { year: detail.year }) : t('holidaysLoadTitle', { year: detail.year })}</h3>
      <p className="muted">{t('holidaysLoadHint')}</p>
      <label>
        {t('holidaysSource')}
        <input value={source} onChange={(e) => setSource(e.target.value)} required maxLength={2000} data-testid="holidays-source" />
      </label>
      <label>
        {office ? t('holidaysOffice', { regency: detail.office?.regency ?? office }) : t('holidaysNational')}
        <textarea value={holidays} onChange={(e) => setHolidays(e.target.value)} rows={10} spellCheck={false} data-testid="holidays-lines" />
      </label>
      {!office && (
        <label>
          {t('holidaysCuti')}
          <textarea value={cuti} onChange={(e) => setCuti(e.target.value)} rows={5} spellCheck={false} data-testid="holidays-cuti-lines" />
        </label>
      )}
      <label>
        {t('holidaysChangeNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="holidays-note" />
      </label>
      <button type="submit" className="button primary" disabled={state.kind === 'saving'} data-testid="holidays-save">
        {state.kind === 'saving' ? t('holidaysSaving') : t('holidaysSave')}
      </button>
      {state.kind === 'error' && (
        <div className="notice notice-error" role="alert" data-testid="holidays-error">
          {state.lines(t, lang).map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      )}
    </form>
  );
}

/** /hari-libur: where each year's holidays come from, the lists in force, and (administrators) loading a new one. */
export function HolidaysPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  const [reload, setReload] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const scope = loadScope(session);
  const overview = useFetch(`overview-${reload}`, (signal) => fetchHolidayOverview(signal));
  const chosen = /^\d{4}$/.exec(new URLSearchParams(search).get('tahun') ?? '')?.[0];
  const fallbackYear =
    overview.state === 'ready'
      ? (overview.value.years.find((y) => y.status === 'provisional')?.year ?? Number(overview.value.coverage.today.slice(0, 4)))
      : null;
  const year = chosen ? Number(chosen) : fallbackYear;
  const officeSop = session && session.user.regency !== '*' && session.user.regency ? session.user.regency : null;
  const detail = useFetch(`year-${year}-${officeSop}-${reload}`, (signal) =>
    year === null ? new Promise<never>(() => undefined) : fetchHolidayYear(year, officeSop, signal),
  );

  return (
    <div className="page holidays-page">
      <header className="page-head">
        <h1>{t('holidaysTitle')}</h1>
        <p className="muted">{t('holidaysIntro')}</p>
      </header>
      {overview.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {overview.state === 'error' && <Notice kind="error">{t('loadFailed', { message: overview.message })}</Notice>}
      {overview.state === 'ready' && (
        <>
          <CoverageNotice coverage={overview.value.coverage} />
          <table className="holiday-years" data-testid="holidays-years">
            <thead>
              <tr>
                <th>{t('holidaysColYear')}</th>
                <th>{t('holidaysColStatus')}</th>
                <th>{t('holidaysColCounts')}</th>
                <th>{t('holidaysColSource')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {overview.value.years.map((y) => (
                <tr key={y.year} data-testid="holidays-year-row" data-year={y.year} data-status={y.status} className={y.year === year ? 'selected' : undefined}>
                  <td>{y.year}</td>
                  <td>
                    <span className={`chip holiday-status-${y.status}`}>{statusText(y.status, y.version, t)}</span>
                  </td>
                  <td>
                    {y.holidays} / {y.cutiBersama}
                  </td>
                  <td className="holiday-source">{y.source}</td>
                  <td>
                    <button
                      type="button"
                      className="linklike"
                      onClick={() => {
                        setSaved(null);
                        replaceSearch(`tahun=${y.year}`);
                      }}
                      data-testid="holidays-show"
                    >
                      {t('holidaysShow')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {detail.state === 'error' && <Notice kind="error">{t('loadFailed', { message: detail.message })}</Notice>}
      {detail.state === 'ready' && (
        <section className="holiday-year" data-testid="holidays-detail" data-year={detail.value.year} data-status={detail.value.status}>
          <h2>{t('holidaysYearTitle', { year: detail.value.year })}</h2>
          <p className="muted">
            {statusText(detail.value.status, detail.value.version, t)} · {detail.value.source}
          </p>
          {detail.value.provisional && (
            <div className="notice" data-testid="holidays-provisional">
              <p>{t('holidaysProvisionalNote')}</p>
              <ul>
                {/* both languages come with the year: a switch of language keeps the form being filled */}
                {((lang === 'id' ? detail.value.notesId : undefined) ?? detail.value.notes).map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="holiday-columns">
            <div>
              <h3>{t('holidaysNational')}</h3>
              <EntryList entries={detail.value.holidays} testId="holidays-national" />
            </div>
            <div>
              <h3>{t('holidaysCuti')}</h3>
              <EntryList entries={detail.value.cutiBersama} testId="holidays-cuti" />
            </div>
            {detail.value.office && (
              <div>
                <h3>{t('holidaysOffice', { regency: detail.value.office.regency })}</h3>
                <h4>{t('holidaysOfficeFromSop')}</h4>
                <EntryList entries={detail.value.office.fromSop} testId="holidays-office-sop" />
                {detail.value.office.loaded && (
                  <>
                    <h4>{t('holidaysOfficeLoaded', { n: detail.value.office.loaded.version })}</h4>
                    <EntryList entries={detail.value.office.loaded.holidays} testId="holidays-office-loaded" />
                  </>
                )}
              </div>
            )}
          </div>
          {saved && (
            <p className="notice" role="status" data-testid="holidays-saved">
              {saved}
            </p>
          )}
          {scope && session ? (
            <LoadForm
              key={`${detail.value.year}-${detail.value.version}-${detail.value.office?.loaded?.version ?? 0}`}
              detail={detail.value}
              session={session}
              office={scope.office}
              onLoaded={(message) => {
                setSaved(message);
                setReload((n) => n + 1);
              }}
            />
          ) : (
            <p className="muted">{t('holidaysNeedAdmin')}</p>
          )}
        </section>
      )}
    </div>
  );
}
