import { useState } from 'react';
import { requestJson } from '../api';
import { problemText } from '../components/paged-list';
import { downloadText } from '../export-diagram';
import { useI18n } from '../i18n';
import type { ReportTable } from './report-types';

/**
 * Downloads one table of the report as the API writes it (GET /api/reports?format=csv&table=…):
 * UTF-8 with a BOM, so that Excel shows Indonesian text right.
 */
export function CsvButton({ table, title, query, token, filename }: { table: ReportTable; title: string; query: string; token: string; filename: string }) {
  const { t, lang } = useI18n();
  // the error itself: worded when shown, in the page's language then
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailure(null);
    try {
      // the body is not JSON, so requestJson hands back its text (the BOM dropped by the decoder)
      const csv = await requestJson<string>(`/api/reports?${query}&format=csv&table=${table}&lang=${lang}`, { token, headers: { accept: 'text/csv' } });
      downloadText(filename, `\ufeff${csv}`, 'text/csv;charset=utf-8');
    } catch (e) {
      setFailure({ error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="report-csv no-print">
      <button
        type="button"
        className="button button-small"
        onClick={download}
        disabled={busy}
        title={t('reportsCsvTitle', { table: title })}
        data-testid={`report-csv-${table}`}
      >
        ⬇ {t('reportsCsv')}
      </button>
      {failure && (
        <span className="report-csv-error" role="alert">
          {t('reportsCsvFailed', { message: problemText(failure.error, lang) })}
        </span>
      )}
    </span>
  );
}
