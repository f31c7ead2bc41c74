import { useEffect } from 'react';
import { REVIEWER } from '@sop/api-contract';
import { ApiError, fetchSops, requestJson } from '../api';
import { Notice } from '../components/Shell';
import { useI18n, type MessageKey, type Translate } from '../i18n';
import { Link, replaceSearch, useLocation } from '../router';
import { useSession, type Session } from '../session';
import { useFetch } from '../use-fetch';
import { choiceQuery, readChoice, today, type PeriodMode, type ReportChoice } from './report-query';
import type { Report } from './report-types';
import { ReportView } from './ReportView';
import './reports.css';

/** A refused query (400) says which parameter was wrong and what to write: show that, not only "see errors". */
const PERIOD_FIELDS: Record<string, MessageKey> = { month: 'reportsModeMonth', from: 'reportsFrom', to: 'reportsTo' };

/** A refused query, told in the page's language (the API words its refusals in English: shown as they are in English only). */
function withFieldErrors(e: unknown, t: Translate, lang: string): never {
  if (e instanceof ApiError && e.fieldErrors.length) {
    const text = e.fieldErrors
      .map((f) =>
        lang === 'en'
          ? `${f.field}: ${f.message}`
          : PERIOD_FIELDS[f.field]
            ? t('reportsPeriodInvalid', { field: t(PERIOD_FIELDS[f.field]) })
            : t('reportsFieldInvalid', { field: f.field === 'regency' ? t('reportsRegency') : f.field }),
      )
      .join(' ');
    throw new ApiError(e.status, text, e.body);
  }
  throw e;
}

/** /reports: a regency's complaints over a period, for signed-in officers (reviewers choose the regency). */
export function ReportsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { path, search } = useLocation();
  if (!session) {
    return (
      <div className="page report-page">
        <header className="page-head">
          <h1>{t('reportsTitle')}</h1>
        </header>
        <div className="notice" data-testid="reports-need-login">
          <p>{t('reportsNeedLogin')}</p>
          <Link href={`/login?next=${encodeURIComponent(path + search)}`} className="button button-primary">
            {t('reportsLoginLink')}
          </Link>
        </div>
      </div>
    );
  }
  return <Reports session={session} search={search} />;
}

function Reports({ session, search }: { session: Session; search: string }) {
  const { t, lang } = useI18n();
  const reviewer = session.user.permissions.includes(REVIEWER);
  const choice = readChoice(search);
  const sops = useFetch(reviewer ? 'sops' : 'none', (signal) => (reviewer ? fetchSops(signal) : Promise.resolve(null)));
  const regencies = sops.state === 'ready' && sops.value ? [...sops.value.sops].sort((a, b) => a.regency.localeCompare(b.regency, 'id')) : [];
  // a reviewer reads the first regency until they choose one
  useEffect(() => {
    if (reviewer && !choice.regency && regencies.length) replaceSearch(choiceQuery({ ...choice, regency: regencies[0].id }));
  }, [reviewer, choice, regencies]);
  const ready = !reviewer || Boolean(choice.regency);
  const query = choiceQuery(reviewer ? choice : { ...choice, regency: null });
  const report = useFetch(ready ? `report?${query}` : 'waiting', (signal) =>
    ready
      ? requestJson<Report>(`/api/reports?${query}`, { token: session.token, signal }).catch((e) => withFieldErrors(e, t, lang))
      : new Promise<Report>(() => undefined),
  );
  const choose = (next: Partial<ReportChoice>) => replaceSearch(choiceQuery({ ...choice, ...next }));

  return (
    <div className="page report-page" data-testid="reports-page">
      <header className="page-head no-print">
        <h1>{t('reportsTitle')}</h1>
        <p className="lead">{t('reportsLead')}</p>
        {reviewer && (
          <Link href="/reports/nasional" data-testid="reports-national-link">
            {t('nationalTitle')} →
          </Link>
        )}
      </header>
      <section className="card report-filters no-print" aria-label={t('reportsPeriod')}>
        {reviewer && (
          <label className="report-field">
            <span>{t('reportsRegency')}</span>
            <select value={choice.regency ?? ''} onChange={(e) => choose({ regency: e.target.value })} data-testid="reports-regency">
              {regencies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.regency}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="report-field">
          <span>{t('reportsPeriod')}</span>
          <div className="report-modes" role="radiogroup" aria-label={t('reportsPeriod')}>
            {(['month', 'day', 'range'] as PeriodMode[]).map((mode) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={choice.mode === mode}
                data-testid={`reports-mode-${mode}`}
                onClick={() =>
                  choose(
                    mode === 'month'
                      ? { mode }
                      : mode === 'day'
                        ? { mode, from: choice.mode === 'month' ? today() : choice.from }
                        : { mode, to: choice.to < choice.from ? choice.from : choice.to },
                  )
                }
              >
                {t(mode === 'month' ? 'reportsModeMonth' : mode === 'day' ? 'reportsModeDay' : 'reportsModeRange')}
              </button>
            ))}
          </div>
        </div>
        {choice.mode === 'month' && (
          <label className="report-field">
            <span>{t('reportsModeMonth')}</span>
            <input
              type="month"
              value={choice.month}
              required
              onChange={(e) => e.target.value && choose({ month: e.target.value })}
              data-testid="reports-month"
            />
          </label>
        )}
        {choice.mode === 'day' && (
          <label className="report-field">
            <span>{t('reportsModeDay')}</span>
            <input
              type="date"
              value={choice.from}
              required
              onChange={(e) => e.target.value && choose({ from: e.target.value, to: e.target.value })}
              data-testid="reports-day"
            />
          </label>
        )}
        {choice.mode === 'range' && (
          <>
            <label className="report-field">
              <span>{t('reportsFrom')}</span>
              <input type="date" value={choice.from} required onChange={(e) => e.target.value && choose({ from: e.target.value })} data-testid="reports-from" />
            </label>
            <label className="report-field">
              <span>{t('reportsTo')}</span>
              <input type="date" value={choice.to} required onChange={(e) => e.target.value && choose({ to: e.target.value })} data-testid="reports-to" />
            </label>
          </>
        )}
      </section>
      <p className="report-privacy no-print">{t('reportsPrivacy')}</p>
      {sops.state === 'error' && <Notice kind="error">{t('loadFailed', { message: sops.message })}</Notice>}
      {ready && report.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {report.state === 'error' && <Notice kind="error">{t('reportsLoadFailed', { message: report.message })}</Notice>}
      {report.state === 'ready' && <ReportView report={report.value} query={query} token={session.token} />}
    </div>
  );
}
