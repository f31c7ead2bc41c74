import { WEB_CHANNEL } from '@sop/api-contract';
import { zoneAbbreviation } from '@sop/business-time';
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { Bar, RecapColumns, TimeAgainstLimit } from './charts';
import { CsvButton } from './CsvButton';
import { LogbookSection } from './LogbookSection';
import { splitNotes } from './note-authors';
import { periodSlug } from './report-query';
import { stepText, type CountRow, type LaneDelayRow, type RecapRow, type Report, type ReportTable, type StepDelayRow } from './report-types';

/** A local date 'YYYY-MM-DD' (or a month 'YYYY-MM') as people write it, in the UI language. */
export function formatLocalDate(value: string, lang: string): string {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', options).format(date);
}

const minutes = (n: number | null) => (n === null ? '—' : n < 10 ? n.toFixed(1).replace(/\.0$/, '') : String(Math.round(n)));
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

interface Ctx {
  query: string;
  token: string;
  slug: string;
}

function TableHead({ title, table, ctx, children }: { title: string; table: ReportTable; ctx: Ctx; children?: ReactNode }) {
  return (
    <div className="card-head report-card-head">
      <h3>{title}</h3>
      <span className="toolbar">
        {children}
        <CsvButton table={table} title={title} query={ctx.query} token={ctx.token} filename={`laporan-${ctx.slug}-${table}.csv`} />
      </span>
    </div>
  );
}

/** The whole report below the pickers. */
export function ReportView({ report, query, token }: { report: Report; query: string; token: string }) {
  const { t, lang } = useI18n();
  const ctx: Ctx = { query, token, slug: `${report.regency.id}-${periodSlug(report.period)}` };
  const tz = zoneAbbreviation(report.regency.timeZone);
  const periodLabel = t('reportsPeriodLabel', { from: formatLocalDate(report.period.from, lang), to: formatLocalDate(report.period.to, lang), tz });
  const totals = report.totals;
  return (
    <div className="report" data-testid="report" data-regency={report.regency.id} data-from={report.period.from} data-to={report.period.to}>
      <div className="report-heading no-print">
        <span className="eyebrow">{report.regency.name}</span>
        <h2 data-testid="report-period">{periodLabel}</h2>
        <span className="report-sop">{report.sop.title}</span>
      </div>
      <div className="report-figures no-print">
        <Figure label={t('reportsFigComplaints')} value={totals.complaints} testId="report-total" />
        <Figure label={t('reportsFigOpen')} value={totals.open} />
        <Figure label={t('reportsFigDone')} value={totals.done} />
        {totals.referred > 0 && <Figure label={t('reportsFigReferred')} value={totals.referred} hint={t('reportsFigReferredHint')} testId="report-referred" />}
        <Figure label={t('reportsFigOverdue')} value={totals.overdue} warn={totals.overdue > 0} />
        <Figure
          label={t('reportsFigOverLimit')}
          value={totals.handOversOverLimit}
          hint={t('reportsFigOverLimitHint', { n: totals.handOvers })}
          warn={totals.handOversOverLimit > 0}
        />
      </div>
      {totals.complaints === 0 && <div className="notice no-print">{t('reportsEmpty')}</div>}

      <section className="report-section no-print" aria-labelledby="report-recap">
        <h2 id="report-recap">{t('reportsRecapTitle')}</h2>
        <div className="card">
          <TableHead
            title={report.daily.length > 62 ? t('reportsMonthlyTitle') : t('reportsDailyTitle')}
            table={report.daily.length > 62 ? 'monthly' : 'daily'}
            ctx={ctx}
          >
            <span className="report-legend">
              <span className="report-swatch report-swatch-done" /> {t('reportsLegendDone')}
              <span className="report-swatch report-swatch-open" /> {t('reportsLegendOpen')}
            </span>
          </TableHead>
          {report.daily.length > 62 ? (
            <RecapColumns rows={report.monthly} label={t('reportsMonthlyTitle')} shortLabel={(p) => formatLocalDate(p, lang).replace(/ \d{4}$/, '')} />
          ) : (
            <RecapColumns rows={report.daily} label={t('reportsDailyTitle')} shortLabel={(p) => String(Number(p.slice(8)))} />
          )}
          <details className="report-details">
            <summary>{t('reportsShowTable')}</summary>
            <RecapTable rows={report.daily} first={t('reportsColDate')} lang={lang} />
          </details>
        </div>
        {report.monthly.length > 1 && (
          <div className="card">
            <TableHead title={t('reportsMonthlyTitle')} table="monthly" ctx={ctx} />
            <RecapTable rows={report.monthly} first={t('reportsColMonth')} lang={lang} />
          </div>
        )}
        <div className="report-grid">
          <CountCard
            title={t('reportsByChannel')}
            table="channels"
            // the platform's own channel in the page's words; the SOP's channels as the SOP writes them
            rows={report.byChannel.map((r) => (r.id === WEB_CHANNEL ? { ...r, label: t('consoleChannelWeb') } : r))}
            ctx={ctx}
            testId="report-channels"
          />
          <CountCard
            title={report.categoryLabel ? `${t('reportsByCategory')} (${report.categoryLabel})` : t('reportsByCategory')}
            table="categories"
            rows={report.byCategory.map((r) => (r.id === null ? { ...r, label: t('reportsNoCategoryRow') } : r))}
            ctx={ctx}
            testId="report-categories"
            empty={report.categoryLabel ? null : t('reportsNoCategory')}
          />
          <CountCard
            title={t('reportsByStatus')}
            table="statuses"
            rows={report.byStatus.map((r) => ({ ...r, label: t(`reportsStatus_${r.id}` as MessageKey) }))}
            ctx={ctx}
            testId="report-statuses"
          />
          <CountCard title={t('reportsByOutcome')} table="outcomes" rows={report.byOutcome} ctx={ctx} testId="report-outcomes" />
          {report.byDocument.length > 0 && (
            <CountCard title={t('reportsByDocument')} table="documents" rows={report.byDocument} ctx={ctx} testId="report-documents" />
          )}
        </div>
      </section>

      <section className="report-section no-print" aria-labelledby="report-problems">
        <div className="card">
          <TableHead title={t('reportsProblemsTitle')} table="problems" ctx={ctx} />
          <p className="report-lead">{t('reportsProblemsLead')}</p>
          {report.problems.length === 0 ? <p className="blank">{t('reportsProblemsEmpty')}</p> : <Problems report={report} />}
        </div>
      </section>

      <section className="report-section no-print" aria-labelledby="report-delays">
        <h2 id="report-delays">{t('reportsDelaysTitle')}</h2>
        <p className="report-lead">{t('reportsDelaysLead')}</p>
        <div className="card">
          <TableHead title={t('reportsDelaysSteps')} table="delays-steps" ctx={ctx} />
          <DelayTable rows={report.delays.steps} kind="step" />
        </div>
        <div className="card">
          <TableHead title={t('reportsDelaysLanes')} table="delays-lanes" ctx={ctx} />
          {report.delays.lanes.length ? <DelayTable rows={report.delays.lanes} kind="lane" /> : <p className="blank">{t('reportsDelaysEmpty')}</p>}
          <p className="report-note">{t('reportsDelaysNote')}</p>
        </div>
      </section>

      {report.periodicRuns.length > 0 && (
        <section className="report-section no-print">
          <div className="card">
            <TableHead title={t('reportsPeriodicTitle')} table="periodic-runs" ctx={ctx} />
            <div className="report-table-wrap">
              <table className="report-table report-table-wide" data-testid="report-periodic">
                <thead>
                  <tr>
                    <th>{t('reportsColTicket')}</th>
                    <th>{t('reportsColProcedure')}</th>
                    <th>{t('reportsColPeriod')}</th>
                    <th>{t('reportsColStep')}</th>
                    <th>{t('reportsColStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.periodicRuns.map((r) => (
                    <tr key={r.ticket} className={r.overdue ? 'report-row-late' : undefined}>
                      <td className="report-mono">{r.ticket}</td>
                      <td>{r.name}</td>
                      <td>{r.period}</td>
                      <td>{r.status === 'done' ? '—' : stepText(r.step)}</td>
                      <td>{t(`reportsStatus_${r.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </section>
      )}

      <LogbookSection
        report={report}
        periodLabel={periodLabel}
        csv={<CsvButton table="logbook" title={t('reportsLogbookTitle')} query={ctx.query} token={ctx.token} filename={`laporan-${ctx.slug}-logbook.csv`} />}
        query={ctx.query}
        token={ctx.token}
      />
    </div>
  );
}

function Figure({ label, value, hint, warn, testId }: { label: string; value: number; hint?: string; warn?: boolean; testId?: string }) {
  return (
    <div className={`report-figure${warn ? ' report-figure-warn' : ''}`}>
      <span className="report-figure-value" data-testid={testId}>
        {value}
      </span>
      <span className="report-figure-label">{label}</span>
      {hint && <span className="report-figure-hint">{hint}</span>}
    </div>
  );
}

function RecapTable({ rows, first, lang }: { rows: RecapRow[]; first: string; lang: string }) {
  const { t } = useI18n();
  return (
    <div className="report-table-wrap">
      <table className="report-table report-table-numbers">
        <thead>
          <tr>
            <th>{first}</th>
            <th>{t('reportsColFiled')}</th>
            <th>{t('reportsColDone')}</th>
            <th>{t('reportsColOpen')}</th>
            <th>{t('reportsColOverdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period} className={r.filed ? undefined : 'report-row-zero'}>
              <td>{formatLocalDate(r.period, lang)}</td>
              <td>{r.filed}</td>
              <td>{r.done}</td>
              <td>{r.open}</td>
              <td>{r.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CountCard({
  title,
  table,
  rows,
  ctx,
  testId,
  empty,
}: {
  title: string;
  table: ReportTable;
  rows: CountRow[];
  ctx: Ctx;
  testId: string;
  empty?: string | null;
}) {
  const { t } = useI18n();
  const max = Math.max(0, ...rows.map((r) => r.count));
  return (
    <div className="card">
      <TableHead title={title} table={table} ctx={ctx} />
      {empty && <p className="blank">{empty}</p>}
      <table className="report-table report-counts" data-testid={testId}>
        <thead className="report-visually-hidden">
          <tr>
            <th>{title}</th>
            <th>{t('reportsColCount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id ?? ''} data-id={r.id ?? ''} className={r.count ? undefined : 'report-row-zero'}>
              <th scope="row">{r.label}</th>
              <td>
                <span className="report-count-cell">
                  <Bar value={r.count} max={max} />
                  <span className="report-count" data-testid="report-count">
                    {r.count}
                  </span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A category's notes under one heading: quoted, with the ticket and the step. */
function NoteList({ title, notes, empty, testId }: { title: string; notes: Report['problems'][number]['notes']; empty: string | null; testId: string }) {
  if (notes.length === 0 && empty === null) return null;
  return (
    <>
      <dt>{title}</dt>
      <dd data-testid={testId}>
        {notes.length === 0 ? (
          <span className="blank">{empty}</span>
        ) : (
          <ul className="report-notes">
            {notes.map((n, i) => (
              <li key={i}>
                “{n.text}”{' '}
                <span className="report-muted">
                  — {n.ticket}, {stepText(n.step)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

function Problems({ report }: { report: Report }) {
  const { t } = useI18n();
  return (
    <ol className="report-problems" data-testid="report-problems">
      {report.problems.map((p) => (
        <li key={p.category ?? ''} className="report-problem">
          <div className="report-problem-head">
            <strong>{p.label}</strong>
            <span className="report-problem-count">{p.count}</span>
            <Bar value={p.share} max={1} />
            <span className="report-problem-meta">
              {t('reportsProblemShare', { n: Math.round(p.share * 100) })}
              {p.overdue > 0 && <span className="report-late-text"> · {t('reportsProblemOverdue', { n: p.overdue })}</span>}
            </span>
          </div>
          <dl className="report-problem-facts">
            {p.choices.length > 0 && (
              <>
                <dt>{t('reportsProblemChoices')}</dt>
                <dd className="chips">
                  {p.choices.map((c) => (
                    <span key={c.label} className="chip">
                      {c.label} · {c.count}
                    </span>
                  ))}
                </dd>
              </>
            )}
            {p.slowestStep && (
              <>
                <dt>{t('reportsProblemSlowest')}</dt>
                <dd>
                  {stepText(p.slowestStep.step)} <span className="report-muted">({t('reportsMinutes', { n: minutes(p.slowestStep.minutes) })})</span>
                </dd>
              </>
            )}
            <NoteList title={t('reportsProblemNotes')} notes={splitNotes(p.notes).officers} empty={t('reportsProblemNoNotes')} testId="report-officer-notes" />
            <NoteList title={t('reportsProblemCitizenNotes')} notes={splitNotes(p.notes).complainants} empty={null} testId="report-citizen-notes" />
          </dl>
        </li>
      ))}
    </ol>
  );
}

function DelayTable({ rows, kind }: { rows: (StepDelayRow | LaneDelayRow)[]; kind: 'step' | 'lane' }) {
  const { t } = useI18n();
  return (
    <div className="report-table-wrap">
      <table className="report-table report-table-wide report-delays" data-testid={`report-delays-${kind}`}>
        <thead>
          <tr>
            {kind === 'step' && <th>{t('reportsColNo')}</th>}
            {kind === 'step' && <th>{t('reportsColStep')}</th>}
            <th>{t('reportsColLane')}</th>
            {kind === 'step' && <th>{t('reportsColLimit')}</th>}
            <th className="num">{t('reportsColHandOvers')}</th>
            <th className="num">{t('reportsColMedian')}</th>
            <th className="num">{t('reportsColMax')}</th>
            {kind === 'step' && <th>{t('reportsColTime')}</th>}
            <th>{t('reportsColOverLimit')}</th>
            <th className="num">{t('reportsColWaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const step = 'step' in r ? r : null;
            const late = r.overLimit > 0 || r.waitingOverdue > 0;
            return (
              <tr key={step ? step.step.id : r.lane} className={late ? 'report-row-late' : undefined} data-id={step ? step.step.id : r.lane} data-late={late}>
                {step && <td className="report-mono">{step.step.number ?? ''}</td>}
                {step && (
                  <td className="report-step-cell" title={step.step.activity ?? undefined}>
                    <span className="report-clamp">{step.step.label ?? step.step.activity ?? step.step.id}</span>
                  </td>
                )}
                <td>{r.laneName}</td>
                {step && <td>{step.limit ?? <span className="blank">{t('reportsNoLimit')}</span>}</td>}
                <td className="num">{r.count}</td>
                <td className="num">{minutes(r.medianMinutes)}</td>
                <td className="num">{minutes(r.maxMinutes)}</td>
                {step && (
                  <td>
                    <TimeAgainstLimit
                      median={step.medianMinutes}
                      max={step.maxMinutes}
                      limit={step.limitMinutes}
                      label={t('reportsTimeChart', { median: minutes(step.medianMinutes), max: minutes(step.maxMinutes), limit: step.limitMinutes ?? '—' })}
                    />
                  </td>
                )}
                <td className="report-over-cell">
                  <Bar value={r.overLimitShare ?? 0} max={1} tone="danger" />
                  <span>
                    {r.overLimit} ({percent(r.overLimitShare)})
                  </span>
                </td>
                <td className="num">
                  {r.waiting}
                  {r.waitingOverdue > 0 && <span className="report-late-text"> ({t('reportsWaitingOverdue', { n: r.waitingOverdue })})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
