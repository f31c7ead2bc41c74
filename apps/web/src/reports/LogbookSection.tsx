import { useState, type ReactNode } from 'react';
import { requestJson } from '../api';
import { problemText } from '../components/paged-list';
import { useI18n } from '../i18n';
import type { Report } from './report-types';

/**
 * The period's logbook in the SOP's own columns (Buleleng's FM-PDIP-03-02), printable: when printing,
 * the page shows only this section (see reports.css). The report carries one page of it; the other
 * pages are asked for with `logbookPage`, and the CSV download holds every line.
 */
export function LogbookSection({
  report,
  periodLabel,
  csv,
  query,
  token,
}: {
  report: Report;
  periodLabel: string;
  csv: ReactNode;
  query: string;
  token: string;
}) {
  const { t, lang } = useI18n();
  // another page of this report's logbook, once asked for; a new report starts again at its own page
  const [asked, setAsked] = useState<{ report: Report; logbook: Report['logbook'] } | null>(null);
  const [busy, setBusy] = useState(false);
  // the error itself: worded when shown, in the page's language then
  const [failed, setFailed] = useState<{ report: Report; error: unknown } | null>(null);
  const logbook = asked?.report === report ? asked.logbook : report.logbook;
  const error = failed?.report === report ? problemText(failed.error, lang) : null;
  const pages = Math.max(1, Math.ceil(logbook.total / logbook.pageSize));
  const first = (logbook.page - 1) * logbook.pageSize;
  const go = async (page: number) => {
    setBusy(true);
    setFailed(null);
    try {
      const next = await requestJson<Report>(`/api/reports?${query}&logbookPage=${page}&logbookPageSize=${logbook.pageSize}`, { token });
      setAsked({ report, logbook: next.logbook });
    } catch (e) {
      setFailed({ report, error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="report-section report-logbook" aria-labelledby="report-logbook" data-testid="report-logbook">
      <div className="card">
        <div className="card-head report-card-head no-print">
          <h2 id="report-logbook">{t('reportsLogbookTitle')}</h2>
          <span className="toolbar">
            <button type="button" className="button button-primary button-small" onClick={() => window.print()} data-testid="report-print">
              {t('reportsPrint')}
            </button>
            {csv}
          </span>
        </div>
        <header className="report-logbook-head">
          <div>
            <strong>{report.regency.name.toUpperCase()}</strong>
            <div className="report-logbook-title">{logbook.title}</div>
            <div>{periodLabel}</div>
          </div>
          {(logbook.document || logbook.revision || logbook.effective) && (
            <dl className="report-logbook-doc">
              {logbook.document && <dd>{t('reportsLogbookDoc', { value: logbook.document })}</dd>}
              {logbook.revision && <dd>{t('reportsLogbookRevision', { value: logbook.revision })}</dd>}
              {logbook.effective && <dd>{t('reportsLogbookEffective', { value: logbook.effective })}</dd>}
            </dl>
          )}
        </header>
        {!logbook.fromSop && <p className="report-note no-print">{t('reportsLogbookDefault')}</p>}
        <div className="report-table-wrap">
          <table className="report-table report-logbook-table" data-testid="report-logbook-table">
            <thead>
              <tr>
                {logbook.columns.map((c) => (
                  <th key={c.id} data-column={c.id}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {logbook.rows.map((r) => (
                <tr key={r.ticket} data-ticket={r.ticket}>
                  {r.cells.map((cell, i) => (
                    <td key={logbook.columns[i].id} data-column={logbook.columns[i].id}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
              {logbook.rows.length === 0 && (
                <tr>
                  <td colSpan={logbook.columns.length} className="blank">
                    {t('reportsLogbookEmpty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {logbook.total > 0 && (
          <div className="toolbar report-logbook-pages no-print" data-testid="report-logbook-pages">
            <span>{t('reportsLogbookRange', { from: first + 1, to: first + logbook.rows.length, total: logbook.total })}</span>
            {pages > 1 && (
              <>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy || logbook.page <= 1}
                  onClick={() => void go(logbook.page - 1)}
                  data-testid="report-logbook-prev"
                >
                  {t('reportsLogbookPrev')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy || logbook.page >= pages}
                  onClick={() => void go(logbook.page + 1)}
                  data-testid="report-logbook-next"
                >
                  {t('reportsLogbookNext')}
                </button>
              </>
            )}
            {error && (
              <span className="report-csv-error" role="alert">
                {t('reportsLogbookPageFailed', { message: error })}
              </span>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
