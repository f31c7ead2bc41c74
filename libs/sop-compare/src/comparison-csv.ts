import { toCsv } from '@sop/csv';
import type { MatrixRow, SopComparison } from './compare-sops';

export interface CsvOptions {
  /** The first two column headers; defaults to English. */
  headers?: { section: string; item: string; status: string };
  /** A row's section name and label in the reader's language; defaults to the row's own. */
  sectionLabel?: (row: MatrixRow) => string;
  rowLabel?: (row: MatrixRow) => string;
  statusLabel?: (row: MatrixRow) => string;
}

/**
 * The comparison matrix as CSV: section, item, one column per SOP (its key), status; CRLF line ends.
 * Cells that a spreadsheet could take for a formula are kept text ({@link toCsv}); no BOM (the page
 * that downloads it adds one).
 *
 * @example
 * comparisonCsv(compareSops([...])).split('\r\n')[0] // 'section,item,metro,buleleng,status'
 */
export function comparisonCsv(comparison: SopComparison, options: CsvOptions = {}): string {
  const h = options.headers ?? { section: 'section', item: 'item', status: 'status' };
  const lines = [[h.section, h.item, ...comparison.sops.map((s) => s.key), h.status]];
  for (const row of comparison.matrix) {
    lines.push([options.sectionLabel?.(row) ?? row.section, options.rowLabel?.(row) ?? row.label, ...row.cells, options.statusLabel?.(row) ?? row.status]);
  }
  return toCsv(lines);
}
