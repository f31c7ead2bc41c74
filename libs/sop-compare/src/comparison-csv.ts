import type { MatrixRow, SopComparison } from './compare-sops';

/** Guards a cell against spreadsheet formulas and quotes it when needed (RFC 4180). */
function cell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || /^-[^\s\d]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  return lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n';
}
