import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { Report } from './report-types';

/**
 * The period's logbook in the SOP's own columns (Buleleng's FM-PDIP-03-02), printable: when printing,
 * the page shows only this section (see reports.css).
 */
export function LogbookSection({ report, periodLabel, csv }: { report: Report; periodLabel: string; csv: ReactNode }) {
  const { t } = useI18n();
  const logbook = report.logbook;
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
      </div>
    </section>
  );
}
