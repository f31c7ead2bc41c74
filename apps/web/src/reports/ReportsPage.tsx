import { useEffect } from 'react';
import { REVIEWER } from '@sop/api-contract';
import { fetchSops, requestJson } from '../api';
import { choiceQuery, periodProblems, readChoice, type PeriodMode, type ReportChoice } from '../components/period';
import { ReportRefused, ReportSignIn } from '../components/PageGate';
import { PeriodControls, PeriodProblems, reportRefusalText } from '../components/PeriodControls';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { Link, replaceSearch, useLocation } from '../router';
import { readsRegencyReports, useSession, type Session } from '../session';
import { useFetch } from '../use-fetch';
import type { Report } from './report-types';
import { ReportView } from './ReportView';
import './reports.css';

/** A regency's report is read by month, by day or over a range of days. */
const REPORT_MODES: readonly PeriodMode[] = ['month', 'day', 'range'];

/** /reports: a regency's complaints over a period, for signed-in officers (reviewers choose the regency). */
export function ReportsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  if (!session) return <ReportSignIn title={t('reportsTitle')} testId="reports-need-login" />;
  if (!readsRegencyReports(session.user))
    return <ReportRefused title={t('reportsTitle')} testId="reports-platform-no-reviewer" message={t('reportsPlatformNeedsReviewer')} />;
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
  const problems = periodProblems(choice);
  const ready = (!reviewer || Boolean(choice.regency)) && !problems.length;
  const query = choiceQuery(reviewer ? choice : { ...choice, regency: null });
  const report = useFetch(ready ? `report?${query}` : 'waiting', (signal) =>
    ready ? requestJson<Report>(`/api/reports?${query}`, { token: session.token, signal }) : new Promise<Report>(() => undefined),
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
      <PeriodControls
        choice={choice}
        modes={REPORT_MODES}
        onChoose={choose}
        testIdPrefix="reports"
        before={
          reviewer && (
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
          )
        }
      />
      <p className="report-privacy no-print">{t('reportsPrivacy')}</p>
      {sops.state === 'error' && <Notice kind="error">{t('loadFailed', { message: sops.message })}</Notice>}
      <PeriodProblems choice={choice} modes={REPORT_MODES} />
      {ready && report.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {report.state === 'error' && <Notice kind="error">{t('reportsLoadFailed', { message: reportRefusalText(report, t, lang) })}</Notice>}
      {report.state === 'ready' && <ReportView report={report.value} query={query} token={session.token} />}
    </div>
  );
}
