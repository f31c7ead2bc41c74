import { useState } from 'react';
import { REVIEWER } from '@sop/api-contract';
import { requestJson } from '../api';
import { problemText } from '../components/paged-list';
import { choiceQuery, periodProblems, readChoice, type PeriodMode, type ReportChoice } from '../components/period';
import { ReportRefused, ReportSignIn } from '../components/PageGate';
import { PeriodControls, PeriodProblems, reportRefusalText } from '../components/PeriodControls';
import { Notice } from '../components/Shell';
import { downloadText } from '../export-diagram';
import { formatTotal } from '../format-time';
import { useI18n, type Translate } from '../i18n';
import { Link, replaceSearch, useLocation } from '../router';
import { useSession, type Session } from '../session';
import { useFetch } from '../use-fetch';
import { periodSlug } from './report-query';
import { stepText, type NationalReport, type NationalRow } from './report-types';
import './reports.css';
import { chartLabels } from './national-labels';

/** The national view is read by month or over a range of days (a day is a range of one). */
const NATIONAL_MODES: readonly PeriodMode[] = ['month', 'range'];

/** One measure of the national view: its value per row (null: nothing to show) and how it is written. */
interface Measure {
  id: string;
  title: string;
  value: (r: NationalRow) => number | null;
  format: (v: number) => string;
  /** The largest value the scale must hold (100 for shares). */
  max?: number;
}

const days = (minutes: number, perDay: number) => minutes / perDay;
const pct = (share: number | null) => (share === null ? null : share * 100);

/**
 * A small horizontal bar chart of one measure, one bar per regency (hand-written SVG: a few dozen
 * rectangles and labels need no charting library, and print as they are drawn).
 */
function MeasureChart({ measure, rows }: { measure: Measure; rows: NationalRow[] }) {
  const { t } = useI18n();
  const values = rows.map((r) => measure.value(r));
  const max = measure.max ?? values.reduce<number>((m, v) => Math.max(m, v ?? 0), 0);
  const rowHeight = 18;
  const labelWidth = 150;
  const barWidth = 170;
  const height = rows.length * rowHeight + 4;
  const labels = chartLabels(rows);
  return (
    <figure className="national-chart" data-testid={`national-chart-${measure.id}`}>
      <figcaption>{measure.title}</figcaption>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 70} ${height}`} width="100%" role="img" aria-label={measure.title}>
        {rows.map((r, i) => {
          const v = values[i];
          const y = i * rowHeight + 2;
          const w = v !== null && max > 0 ? Math.max(1, (v / max) * barWidth) : 0;
          return (
            <g key={r.regency.id}>
              <text x={labelWidth - 6} y={y + 12} textAnchor="end" className="national-chart-label">
                {labels[i]}
              </text>
              <rect x={labelWidth} y={y + 3} width={barWidth} height={rowHeight - 6} rx="2" fill="var(--line)" />
              {v !== null && <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 6} rx="2" fill="var(--primary)" />}
              <text x={labelWidth + barWidth + 6} y={y + 12} className="national-chart-value">
                {v === null ? t('nationalNone') : measure.format(v)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** /reports/nasional: every regency side by side, for reviewers. */
export function NationalReportPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { search } = useLocation();
  if (!session) return <ReportSignIn title={t('nationalTitle')} testId="national-need-login" />;
  if (!session.user.permissions.includes(REVIEWER))
    return <ReportRefused title={t('nationalTitle')} testId="national-reviewers-only" message={t('nationalReviewersOnly')} />;
  return <National session={session} search={search} />;
}

function measuresOf(report: NationalReport, t: Translate, lang: string): Measure[] {
  const number = (digits: number) => (v: number) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits });
  const percent = (v: number) => `${number(0)(v)}%`;
  const perDay = report.workingDayMinutes;
  return [
    { id: 'complaints', title: t('nationalChartComplaints'), value: (r) => r.complaints, format: number(0) },
    { id: 'median', title: t('nationalChartMedian'), value: (r) => (r.medianMinutes === null ? null : days(r.medianMinutes, perDay)), format: number(1) },
    { id: 'p90', title: t('nationalChartP90'), value: (r) => (r.p90Minutes === null ? null : days(r.p90Minutes, perDay)), format: number(1) },
    { id: 'within-sop', title: t('nationalChartWithinSop'), value: (r) => pct(r.withinSopShare), format: percent, max: 100 },
    ...report.laporLimitDays.map((n, i): Measure => ({
      id: `within-${n}`,
      title: t('nationalChartWithinLapor', { n }),
      value: (r) => pct(r.withinLapor[i]?.share ?? null),
      format: percent,
      max: 100,
    })),
    { id: 'escalations', title: t('nationalChartEscalations'), value: (r) => r.escalations, format: number(0) },
  ];
}

function National({ session, search }: { session: Session; search: string }) {
  const { t, lang } = useI18n();
  const choice = readChoice(search);
  const query = choiceQuery({ ...choice, regency: null });
  const problems = periodProblems(choice);
  const report = useFetch(problems.length ? 'national-waiting' : `national?${query}`, (signal) =>
    problems.length
      ? new Promise<NationalReport>(() => undefined)
      : requestJson<NationalReport>(`/api/reports/national?${query}`, { token: session.token, signal }),
  );
  const choose = (next: Partial<ReportChoice>) => replaceSearch(choiceQuery({ ...choice, ...next, regency: null }));
  // the error itself: worded when shown, in the page's language then
  const [csvError, setCsvError] = useState<{ error: unknown } | null>(null);
  const downloadCsv = async () => {
    setCsvError(null);
    try {
      const csv = await requestJson<string>(`/api/reports/national?${query}&format=csv&lang=${lang}`, {
        token: session.token,
        headers: { accept: 'text/csv' },
      });
      const period = report.state === 'ready' ? periodSlug(report.value.period) : 'periode';
      downloadText(`laporan-nasional-${period}.csv`, `\ufeff${csv}`, 'text/csv;charset=utf-8');
    } catch (e) {
      setCsvError({ error: e });
    }
  };

  return (
    <div className="page report-page national-page" data-testid="national-page">
      <header className="page-head">
        <h1>{t('nationalTitle')}</h1>
        <p className="lead">{t('nationalLead')}</p>
      </header>
      <PeriodControls choice={choice} modes={NATIONAL_MODES} onChoose={choose} testIdPrefix="national">
        <div className="report-field national-actions">
          <button type="button" className="button button-small" onClick={() => void downloadCsv()} data-testid="national-csv">
            ⬇ {t('nationalCsv')}
          </button>
          <button type="button" className="button button-small" onClick={() => window.print()} data-testid="national-print">
            {t('nationalPrint')}
          </button>
          {csvError && (
            <span className="report-csv-error" role="alert">
              {t('reportsCsvFailed', { message: problemText(csvError.error, lang) })}
            </span>
          )}
        </div>
      </PeriodControls>
      <PeriodProblems choice={choice} modes={NATIONAL_MODES} />
      {!problems.length && report.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {report.state === 'error' && <Notice kind="error">{t('nationalLoadFailed', { message: reportRefusalText(report, t, lang) })}</Notice>}
      {report.state === 'ready' && <NationalView report={report.value} />}
    </div>
  );
}

function NationalView({ report }: { report: NationalReport }) {
  const { t, lang } = useI18n();
  const perDay = report.workingDayMinutes;
  const number = (v: number, digits = 1) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits });
  const time = (minutes: number | null) =>
    minutes === null ? t('nationalNone') : t('nationalDaysMinutes', { days: number(days(minutes, perDay)), minutes: number(minutes, 0) });
  const share = (s: number | null) => (s === null ? t('nationalNone') : `${number(s * 100, 0)}%`);
  // each regency's SOP is compared with the one that closes fastest at the median (or the next, for that one itself)
  const ranked = report.rows.filter((r) => r.medianMinutes !== null).sort((a, b) => (a.medianMinutes ?? 0) - (b.medianMinutes ?? 0));
  const peerOf = (r: NationalRow) => ranked.find((p) => p.regency.id !== r.regency.id) ?? report.rows.find((p) => p.regency.id !== r.regency.id);
  return (
    <>
      <p className="national-period" data-testid="national-period">
        {t('nationalPeriod', { from: report.period.from, to: report.period.to })}
      </p>
      <section className="card national-table-card">
        <div className="report-table-wrap">
          <table className="report-table report-table-wide national-table" data-testid="national-table">
            <thead>
              <tr>
                <th scope="col">{t('nationalColRegency')}</th>
                <th scope="col" className="num">
                  {t('nationalColComplaints')}
                </th>
                <th scope="col" className="num">
                  {t('nationalColClosed')}
                </th>
                <th scope="col">{t('nationalColMedian')}</th>
                <th scope="col">{t('nationalColP90')}</th>
                <th scope="col">{t('nationalColWithinSop')}</th>
                {report.laporLimitDays.map((n) => (
                  <th key={n} scope="col" className="num">
                    {t('nationalColWithinLapor', { n })}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('nationalColEscalations')}
                </th>
                <th scope="col">{t('nationalColSlowest')}</th>
                <th scope="col" className="no-print">
                  {t('nationalColCompare')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => {
                const peer = peerOf(r);
                return (
                  <tr key={r.regency.id} data-testid={`national-row-${r.regency.id}`}>
                    <th scope="row">
                      {r.regency.name}
                      <small className="national-sop">{r.sop.title}</small>
                    </th>
                    <td className="num">{number(r.complaints, 0)}</td>
                    <td className="num">
                      {number(r.closed, 0)}
                      {r.referred > 0 && <small className="national-muted">{t('nationalReferred', { n: r.referred })}</small>}
                    </td>
                    <td>{time(r.medianMinutes)}</td>
                    <td>{time(r.p90Minutes)}</td>
                    <td>
                      {r.sopLimitParts === null ? (
                        <small className="national-muted">{t('nationalNoLimit')}</small>
                      ) : (
                        <>
                          {share(r.withinSopShare)}
                          <small className="national-muted">
                            {t('nationalSopLimit', { text: formatTotal({ parts: r.sopLimitParts, unknownSteps: [] }, t) })}
                          </small>
                        </>
                      )}
                    </td>
                    {r.withinLapor.map((l) => (
                      <td key={l.days} className="num">
                        {share(l.share)}
                      </td>
                    ))}
                    <td className="num">
                      {number(r.escalations, 0)}
                      {r.escalatedComplaints > 0 && <small className="national-muted">{t('nationalEscalated', { n: r.escalatedComplaints })}</small>}
                    </td>
                    <td>
                      {r.slowestStep ? (
                        <>
                          {stepText(r.slowestStep.step)}
                          <small className="national-muted">{t('nationalSlowestMedian', { value: time(r.slowestStep.medianMinutes) })}</small>
                        </>
                      ) : (
                        t('nationalNone')
                      )}
                    </td>
                    <td className="no-print">
                      {peer && (
                        <Link
                          href={`/compare?ids=${r.regency.id},${peer.regency.id}`}
                          title={t('nationalCompareTitle', { name: r.regency.name, other: peer.regency.name })}
                          data-testid={`national-compare-${r.regency.id}`}
                        >
                          {t('nationalCompareLink')}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="national-units">{t('nationalUnitsNote')}</p>
      </section>
      <section className="card">
        <h2>{t('nationalChartsTitle')}</h2>
        <div className="national-charts">
          {measuresOf(report, t, lang).map((m) => (
            <MeasureChart key={m.id} measure={m} rows={report.rows} />
          ))}
        </div>
      </section>
    </>
  );
}
